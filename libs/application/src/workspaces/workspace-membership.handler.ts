import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
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
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { packageDecider, packageStream } from '@hub/domain/packages/package.decider';
import {
  CreateGroup,
  GrantRole,
  InviteMember,
  MapContract,
  MapPackage,
  RemoveMember,
  RevokeRole,
} from '@hub/domain/workspaces/workspace.commands';
import { WorkspaceRole } from '@hub/domain/workspaces/workspace.events';
import { invitationIdFor } from '@hub/domain/workspaces/workspace.state';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { positionOf } from '../execution/answers';
import { Workflows } from '../workflows/workflows';
import { callerInAgreement } from '../agreements/caller-context';
import {
  CreateGroupRequest,
  InvitationRequest,
  MappingRequest,
} from './workspace-membership.requests';
import { WorkspaceAccess } from './workspace-access';

/** What an HTTP route asks of a workspace (api.md "Commands", workspace rows). */
export type WorkspaceRequest =
  | ({ kind: 'map' } & MappingRequest)
  | ({ kind: 'invite' } & InvitationRequest)
  | { kind: 'grant' | 'revoke'; userId: string; role: WorkspaceRole }
  | { kind: 'remove'; userId: string }
  | ({ kind: 'group' } & CreateGroupRequest);

export class WorkspaceMembershipCommand {
  constructor(
    readonly workspaceId: string,
    readonly request: WorkspaceRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

type Command =
  MapContract | MapPackage | InviteMember | GrantRole | RevokeRole | RemoveMember | CreateGroup;
/** A command before the handler adds when and by whom (distributes over the union). */
type Draft<C> = C extends unknown ? Omit<C, 'at' | 'by'> : never;

/** The ids an answer names, derived before deciding so every retry derives the same ones. */
interface AnswerIds {
  invitationId?: string;
  groupId?: string;
}

/**
 * Mappings, invitations, role grants and revokes, groups: each one command on the workspace's
 * stream, with the caller's Customer Administrator standing read from its agreement.
 */
@CommandHandler(WorkspaceMembershipCommand)
export class WorkspaceMembershipHandler implements ICommandHandler<WorkspaceMembershipCommand> {
  constructor(
    private readonly workspaces: WorkspaceAccess,
    private readonly executor: CommandExecutor,
    private readonly workflows: Workflows,
  ) {}

  async execute({ workspaceId, request, caller, context }: WorkspaceMembershipCommand) {
    const id = workspaceId as WorkspaceId;
    const ids: AnswerIds =
      request.kind === 'invite'
        ? { invitationId: invitationIdFor(id, request.email) }
        : request.kind === 'group'
          ? { groupId: request.groupId ?? deterministicId('group', context.commandId) }
          : {};
    const result = await this.workspaces.execute(
      id,
      context,
      async (agreement): Promise<Command> => ({
        ...(await this.toCommand(id, request, ids)),
        at: context.occurredAt,
        by: callerInAgreement(caller, agreement),
      }),
    );
    // The invitation id is claimed before answering, so /invitations/{id}/accept finds it at once.
    const claimed = await this.workflows.complete(result.stream, result.appended);
    return { ...ids, position: positionOf({ position: claimed ?? result.position }) };
  }

  private async toCommand(
    workspaceId: WorkspaceId,
    request: WorkspaceRequest,
    ids: AnswerIds,
  ): Promise<Draft<Command>> {
    switch (request.kind) {
      case 'map':
        return request.contractId !== undefined
          ? {
              type: 'MapContract',
              workspaceId,
              contractId: request.contractId as ContractId,
              contractAgreementId: await this.agreementOf('contract', request.contractId),
            }
          : {
              type: 'MapPackage',
              workspaceId,
              packageId: request.packageId as PackageId,
              packageAgreementId: await this.agreementOf('package', request.packageId as string),
            };
      case 'invite':
        return {
          type: 'InviteMember',
          workspaceId,
          invitationId: ids.invitationId as InvitationId,
          email: request.email,
          ...(request.name !== undefined ? { name: request.name } : {}),
        };
      case 'grant':
      case 'revoke':
        return {
          type: request.kind === 'grant' ? 'GrantRole' : 'RevokeRole',
          workspaceId,
          userId: request.userId as UserId,
          role: request.role,
        };
      case 'remove':
        return { type: 'RemoveMember', workspaceId, userId: request.userId as UserId };
      case 'group':
        return {
          type: 'CreateGroup',
          workspaceId,
          groupId: ids.groupId as GroupId,
          name: request.name,
          memberUserIds: request.memberUserIds as UserId[],
        };
    }
  }

  /** The agreement a contract or package belongs to (null: it does not exist), from its stream. */
  private async agreementOf(what: 'contract' | 'package', id: string): Promise<AgreementId | null> {
    const loaded =
      what === 'contract'
        ? await this.executor.load(contractStream(id as ContractId), contractDecider)
        : await this.executor.load(packageStream(id as PackageId), packageDecider);
    return loaded.state.status === 'none' ? null : loaded.state.agreementId;
  }
}
