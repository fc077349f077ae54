import {
  AgreementId,
  ContractId,
  GroupId,
  InvitationId,
  PackageId,
  UserId,
  WorkspaceId,
  deterministicId,
} from '@hub/domain';
import {
  AgreementState,
  agreementDecider,
  agreementStream,
} from '@hub/domain/agreements/agreement.decider';
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { packageDecider, packageStream } from '@hub/domain/packages/package.decider';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { WorkspaceRole } from '@hub/domain/workspaces/workspace.events';
import {
  WorkspaceState,
  invitationIdFor,
  workspaceStream,
} from '@hub/domain/workspaces/workspace.state';
import { callerInAgreement } from '../agreements/caller-context';
import { CommandInput, command } from '../execution/command';
import { CommandReads } from '../execution/command-reads';
import { CreateWorkspaceRequest, WorkspaceCreatedAnswer } from './create-workspace.requests';
import {
  CreateGroupRequest,
  InvitationRequest,
  MappingRequest,
} from './workspace-membership.requests';

type OnWorkspace<R> = CommandInput<R & { workspaceId: string }>;
type Create = CommandInput<CreateWorkspaceRequest>;

/** Derived from the command id, so a retried request names the same workspace. */
const workspaceIdOf = ({ context }: Create) =>
  deterministicId('workspace', context.commandId) as WorkspaceId;
const onWorkspace = <R>({ request }: OnWorkspace<R>) =>
  workspaceStream(request.workspaceId as WorkspaceId);
/** The workspace's agreement: the caller's Customer Administrator standing is read from it. */
const agreementOf = (_input: unknown, reads: CommandReads, workspace: WorkspaceState) =>
  reads.workspaces.agreementOf(workspace);
const by = ({ caller }: CommandInput<unknown>, agreement: AgreementState) =>
  callerInAgreement(caller, agreement);

/** The agreement a contract or package belongs to (null: it does not exist), from its stream. */
async function ownerAgreement(reads: CommandReads, request: MappingRequest) {
  if (request.contractId !== undefined) {
    const contract = await reads.state(
      contractStream(request.contractId as ContractId),
      contractDecider,
    );
    return contract.status === 'none' ? null : contract.agreementId;
  }
  const pkg = await reads.state(packageStream(request.packageId as PackageId), packageDecider);
  return pkg.status === 'none' ? null : pkg.agreementId;
}

const roleChange = (type: 'GrantRole' | 'RevokeRole') =>
  command({
    stream: onWorkspace<{ userId: string; role: WorkspaceRole }>,
    decider: workspaceDecider,
    read: agreementOf,
    command: (input, agreement) => ({
      type,
      workspaceId: input.request.workspaceId as WorkspaceId,
      userId: input.request.userId as UserId,
      role: input.request.role,
      at: input.context.occurredAt,
      by: by(input, agreement),
    }),
  });

/**
 * Workspace commands (api.md "Commands"): each on the workspace's stream. The caller's Customer
 * Administrator standing comes from the agreement stream itself (a revoke applies at once);
 * an invitation's id is claimed (the invitation-claims workflow) before the answer.
 */
export const workspaceCommands = {
  /** CSAM/AC create an additional workspace; its administrator is invited as first Workspace Administrator. */
  create: command({
    stream: (input: Create) => workspaceStream(workspaceIdOf(input)),
    decider: workspaceDecider,
    read: ({ request }, reads) =>
      reads.state(agreementStream(request.agreementId as AgreementId), agreementDecider),
    command: (input, agreement) => ({
      type: 'CreateWorkspace' as const,
      workspaceId: workspaceIdOf(input),
      agreementId: input.request.agreementId as AgreementId,
      agreementExists: agreement.status === 'active',
      // Workspaces are created only within the agreement's dates (domain.md §3).
      ...(agreement.status === 'active'
        ? { agreementPeriod: { startsOn: agreement.startsOn, endsOn: agreement.endsOn } }
        : {}),
      name: input.request.name,
      purpose: input.request.purpose,
      administrator: input.request.administrator,
      at: input.context.occurredAt,
      by: input.caller,
    }),
    answer: (input, _result, position): WorkspaceCreatedAnswer => ({
      workspaceId: workspaceIdOf(input),
      position,
    }),
  }),

  /** CSAM/AC map a contract or an add-on package (of the same agreement) into the workspace. */
  map: command({
    stream: onWorkspace<MappingRequest>,
    decider: workspaceDecider,
    read: async (input, reads, workspace) => ({
      agreement: await reads.workspaces.agreementOf(workspace),
      owner: await ownerAgreement(reads, input.request),
    }),
    command: (input, { agreement, owner }) => {
      const { request, context } = input;
      const base = { workspaceId: request.workspaceId as WorkspaceId, at: context.occurredAt };
      return request.contractId !== undefined
        ? {
            type: 'MapContract' as const,
            ...base,
            contractId: request.contractId as ContractId,
            contractAgreementId: owner,
            by: by(input, agreement),
          }
        : {
            type: 'MapPackage' as const,
            ...base,
            packageId: request.packageId as PackageId,
            packageAgreementId: owner,
            by: by(input, agreement),
          };
    },
  }),

  /** A Workspace or Customer Administrator invites someone by e-mail. */
  invite: command({
    stream: onWorkspace<InvitationRequest>,
    decider: workspaceDecider,
    read: agreementOf,
    command: (input, agreement) => ({
      type: 'InviteMember' as const,
      workspaceId: input.request.workspaceId as WorkspaceId,
      invitationId: invitationIdOf(input),
      email: input.request.email,
      ...(input.request.name !== undefined ? { name: input.request.name } : {}),
      at: input.context.occurredAt,
      by: by(input, agreement),
    }),
    answer: (input, _result, position) => ({ invitationId: invitationIdOf(input), position }),
  }),

  grantRole: roleChange('GrantRole'),
  revokeRole: roleChange('RevokeRole'),

  /** A Workspace or Customer Administrator removes a member: roles and visibility there end. */
  removeMember: command({
    stream: onWorkspace<{ userId: string }>,
    decider: workspaceDecider,
    read: agreementOf,
    command: (input, agreement) => ({
      type: 'RemoveMember' as const,
      workspaceId: input.request.workspaceId as WorkspaceId,
      userId: input.request.userId as UserId,
      at: input.context.occurredAt,
      by: by(input, agreement),
    }),
  }),

  /** A Workspace Administrator creates a group of members (case access by group). */
  createGroup: command({
    stream: onWorkspace<CreateGroupRequest>,
    decider: workspaceDecider,
    read: agreementOf,
    command: (input, agreement) => ({
      type: 'CreateGroup' as const,
      workspaceId: input.request.workspaceId as WorkspaceId,
      groupId: groupIdOf(input),
      name: input.request.name,
      memberUserIds: input.request.memberUserIds as UserId[],
      at: input.context.occurredAt,
      by: by(input, agreement),
    }),
    answer: (input, _result, position) => ({ groupId: groupIdOf(input), position }),
  }),
};

/** One invitation per workspace and address, so inviting again names the same invitation. */
function invitationIdOf({ request }: OnWorkspace<InvitationRequest>): InvitationId {
  return invitationIdFor(request.workspaceId as WorkspaceId, request.email);
}

function groupIdOf({ request, context }: OnWorkspace<CreateGroupRequest>): GroupId {
  return (request.groupId ?? deterministicId('group', context.commandId)) as GroupId;
}
