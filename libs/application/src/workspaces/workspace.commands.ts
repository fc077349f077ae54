import {
  AgreementId,
  Caller,
  ContractId,
  GroupId,
  InvitationId,
  PackageId,
  UserId,
  WorkspaceId,
  deterministicId,
} from '@hub/domain';
import { AgreementState } from '@hub/domain/agreements/agreement.decider';
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { packageDecider, packageStream } from '@hub/domain/packages/package.decider';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { WorkspaceEvent, WorkspaceRole } from '@hub/domain/workspaces/workspace.events';
import {
  CreateGroup,
  GrantRole,
  InviteMember,
  RemoveMember,
  RevokeRole,
  WorkspaceCommand,
} from '@hub/domain/workspaces/workspace.commands';
import {
  WorkspaceState,
  invitationIdFor,
  workspaceStream,
} from '@hub/domain/workspaces/workspace.state';
import { callerInAgreement } from '../agreements/caller-context';
import { agreementPeriodOf } from '../agreements/agreement-period';
import { CommandEntry, CommandInput, command } from '../execution/command';
import { CommandReads } from '../execution/command-reads';
import { CreateWorkspaceRequest, WorkspaceCreatedAnswer } from './create-workspace.requests';
import {
  CreateGroupRequest,
  GroupCreatedAnswer,
  InvitationRequest,
  InvitationSentAnswer,
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

/** What every administered command carries: the workspace, the instant, the caller in its agreement. */
interface Administered {
  workspaceId: WorkspaceId;
  at: string;
  by: Caller;
}

/**
 * A command a Workspace or Customer Administrator issues on the workspace's stream: the
 * caller's standing is read from the workspace's agreement before deciding.
 */
function administered<R, C extends WorkspaceCommand, A = { position: string }>(
  build: (input: OnWorkspace<R>, base: Administered) => C,
  answer?: (input: OnWorkspace<R>, position: string) => A,
) {
  return command({
    stream: onWorkspace<R>,
    decider: workspaceDecider,
    read: agreementOf,
    command: (input: OnWorkspace<R>, agreement: AgreementState) =>
      build(input, {
        workspaceId: input.request.workspaceId as WorkspaceId,
        at: input.context.occurredAt,
        by: by(input, agreement),
      }),
    ...(answer
      ? { answer: (input: OnWorkspace<R>, _: unknown, position: string) => answer(input, position) }
      : {}),
  }) as CommandEntry<
    OnWorkspace<R>['request'],
    C,
    WorkspaceEvent,
    WorkspaceState,
    AgreementState,
    A
  >;
}

const roleChange = (type: 'GrantRole' | 'RevokeRole') =>
  administered<{ userId: string; role: WorkspaceRole }, GrantRole | RevokeRole>(
    ({ request }, base) => ({
      type,
      ...base,
      userId: request.userId as UserId,
      role: request.role,
    }),
  );

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
    read: ({ request }, reads) => agreementPeriodOf(reads, request.agreementId),
    command: (input, period) => ({
      type: 'CreateWorkspace' as const,
      workspaceId: workspaceIdOf(input),
      agreementId: input.request.agreementId as AgreementId,
      ...period,
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
  invite: administered<InvitationRequest, InviteMember, InvitationSentAnswer>(
    (input, base) => ({
      type: 'InviteMember',
      ...base,
      invitationId: invitationIdOf(input),
      email: input.request.email,
      ...(input.request.name !== undefined ? { name: input.request.name } : {}),
    }),
    (input, position) => ({ invitationId: invitationIdOf(input), position }),
  ),

  grantRole: roleChange('GrantRole'),
  revokeRole: roleChange('RevokeRole'),

  /** A Workspace or Customer Administrator removes a member: roles and visibility there end. */
  removeMember: administered<{ userId: string }, RemoveMember>(({ request }, base) => ({
    type: 'RemoveMember',
    ...base,
    userId: request.userId as UserId,
  })),

  /** A Workspace Administrator creates a group of members (case access by group). */
  createGroup: administered<CreateGroupRequest, CreateGroup, GroupCreatedAnswer>(
    (input, base) => ({
      type: 'CreateGroup',
      ...base,
      groupId: groupIdOf(input),
      name: input.request.name,
      memberUserIds: input.request.memberUserIds as UserId[],
    }),
    (input, position) => ({ groupId: groupIdOf(input), position }),
  ),
};

/** One invitation per workspace and address, so inviting again names the same invitation. */
function invitationIdOf({ request }: OnWorkspace<InvitationRequest>): InvitationId {
  return invitationIdFor(request.workspaceId as WorkspaceId, request.email);
}

function groupIdOf({ request, context }: OnWorkspace<CreateGroupRequest>): GroupId {
  return (request.groupId ?? deterministicId('group', context.commandId)) as GroupId;
}
