import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Caller, InvitationId, NotFoundError } from '@hub/domain';
import { ID_KINDS } from '@hub/domain/id-claims/id-claim.decider';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { EVENT_STORE, EventStore, GlobalPosition } from '@hub/event-store';
import { Inject } from '@nestjs/common';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { positionOf } from '../execution/answers';
import { Workflows } from '../workflows/workflows';
import { IdClaims } from '../indexes/id-claims';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { InvitationAcceptedAnswer } from './accept-invitation.requests';

export class AcceptInvitationCommand {
  constructor(
    readonly invitationId: string,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

const invitationNotFound = (invitationId: string) =>
  new NotFoundError(
    `Invitation ${invitationId} not found.`,
    { invitationId },
    'invitation_not_found',
  );

/**
 * The invitee accepts: the invitation's claim names its workspace, the agreement's account-type
 * policy applies, and an accepting Service Administrator is appointed Customer Administrator
 * before the answer (the workflow runner completes that from the log should this process die).
 */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<
  AcceptInvitationCommand,
  InvitationAcceptedAnswer
> {
  constructor(
    private readonly ids: IdClaims,
    private readonly executor: CommandExecutor,
    private readonly workspaces: WorkspaceAccess,
    private readonly workflows: Workflows,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ invitationId, caller, context }: AcceptInvitationCommand) {
    const owner = await this.ids.ownerOf(ID_KINDS.invitation, invitationId);
    if (owner === null) throw invitationNotFound(invitationId);
    const workspace = (await this.executor.load(owner, workspaceDecider)).state;
    if (workspace.status === 'none') throw invitationNotFound(invitationId);
    const { workspaceId } = workspace;
    const result = await this.workspaces.execute(workspaceId, context, (agreement) => {
      if (agreement.status !== 'active') throw invitationNotFound(invitationId);
      return {
        type: 'AcceptInvitation' as const,
        workspaceId,
        invitationId: invitationId as InvitationId,
        agreementType: agreement.agreementType,
        allowPersonalAccounts: agreement.allowPersonalAccounts,
        at: context.occurredAt,
        by: caller,
      };
    });
    const appointed = await this.completeFollowUp(owner, invitationId);
    return { workspaceId, position: positionOf({ position: appointed ?? result.position }) };
  }

  /** Completes the acceptance's workflows on the event as recorded (a retry completes it too). */
  private async completeFollowUp(
    stream: string,
    invitationId: string,
  ): Promise<GlobalPosition | null> {
    // The acceptance and its role grants are among the stream's last events.
    const recent = await this.events.readStream(stream, { direction: 'backwards', maxCount: 20 });
    const accepted = recent.find(
      (event) =>
        event.type === 'InvitationAccepted' &&
        (event.data as { invitationId?: string }).invitationId === invitationId,
    );
    return accepted ? this.workflows.complete(stream, [accepted]) : null;
  }
}
