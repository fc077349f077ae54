import { Injectable, Optional } from '@nestjs/common';
import { AgreementId, UserId, WorkspaceId, deterministicId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { AgreementActivated } from '@hub/domain/agreements/agreement.events';
import { ID_KINDS } from '@hub/domain/id-claims/id-claim.decider';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { InvitationAccepted, MemberInvited } from '@hub/domain/workspaces/workspace.events';
import { workspaceStream } from '@hub/domain/workspaces/workspace.state';
import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { IdClaims } from '../indexes/id-claims';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { CSP_FOLLOW_UP_EVENT_TYPES, CspFollowUps } from './csp-follow-ups';

/** Event types that oblige the hub to complete more work in other streams. */
export const FOLLOW_UP_EVENT_TYPES = [
  'AgreementActivated',
  'MemberInvited',
  'InvitationAccepted',
  ...CSP_FOLLOW_UP_EVENT_TYPES,
] as const;

/**
 * The work one fact obliges the hub to complete in other streams, as idempotent steps:
 * - agreement activated → its default workspace with the Service Administrator and named contacts invited;
 * - member invited → the invitation id claimed for its workspace (so /invitations/{id}/accept finds it);
 * - invitation accepted by the Service Administrator → appointed the agreement's Customer Administrator.
 * Handlers run the step inline right after their append; the follow-up runner runs it again from
 * the log, so a process that died between the two appends still completes (ids are derived).
 */
@Injectable()
export class FollowUps {
  /** Partner and notification steps (csp-follow-ups.ts); the outbox is absent in write-only tests. */
  private readonly csp: CspFollowUps;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly ids: IdClaims,
    @Optional() outbox?: NotificationOutbox,
  ) {
    this.csp = new CspFollowUps(executor, outbox);
  }

  /** Completes the step an event calls for; answers the position of the last event it appended. */
  async handle(event: RecordedEvent): Promise<GlobalPosition | null> {
    switch (event.type) {
      case 'AgreementActivated': {
        const activated = event as unknown as RecordedEvent<AgreementActivated['data']>;
        const indexed = await this.csp.indexAgreement(activated);
        return (await this.createDefaultWorkspace(activated)) ?? indexed;
      }
      case 'MemberInvited': {
        const invited = event as unknown as RecordedEvent<MemberInvited['data']>;
        const claimed = await this.claimInvitation(invited);
        await this.csp.notifyInvitation(invited);
        return claimed;
      }
      case 'GdapRelationshipRequested':
      case 'UserUpserted':
        return this.csp.handle(event);
      case 'InvitationAccepted':
        return this.appointCustomerAdministrator(
          event as unknown as RecordedEvent<InvitationAccepted['data']>,
        );
      default:
        return null;
    }
  }

  private context(event: RecordedEvent, step: string): CommandContext {
    return {
      commandId: deterministicId('follow-up', step, event.metadata.eventId),
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.eventId,
      actor: { service: 'hub' },
      source: event.metadata.source,
      occurredAt: event.metadata.occurredAt,
    };
  }

  private async createDefaultWorkspace(
    event: RecordedEvent<AgreementActivated['data']>,
  ): Promise<GlobalPosition | null> {
    const { data } = event;
    const result = await this.executor.execute({
      stream: workspaceStream(data.defaultWorkspaceId),
      decider: workspaceDecider,
      context: this.context(event, 'default-workspace'),
      command: () => ({
        type: 'CreateDefaultWorkspace' as const,
        workspaceId: data.defaultWorkspaceId,
        agreementId: data.agreementId,
        serviceAdministrator: data.serviceAdministrator,
        namedContacts: data.namedContacts,
        at: data.activatedAt,
      }),
    });
    // Claim every invitation the default workspace holds, not only those this call appended:
    // the follow-up runner may have created the workspace first, and the answer must not come
    // before the invitations can be accepted.
    const invited =
      result.state.status === 'created' ? Object.values(result.state.invitations) : [];
    let last: GlobalPosition | null = result.position;
    for (const invitation of invited) {
      last = (await this.claim(invitation.invitationId, data.defaultWorkspaceId, event)) ?? last;
    }
    return last;
  }

  /** Claims the invitations a workspace command just issued (inline, before answering). */
  async claimInvitations(
    events: readonly { type: string; data: object }[],
    cause: RecordedEvent | CommandContext,
  ): Promise<GlobalPosition | null> {
    let last: GlobalPosition | null = null;
    for (const event of events) {
      if (event.type !== 'MemberInvited') continue;
      const data = event.data as MemberInvited['data'];
      last = (await this.claim(data.invitationId, data.workspaceId, cause)) ?? last;
    }
    return last;
  }

  private claimInvitation(
    event: RecordedEvent<MemberInvited['data']>,
  ): Promise<GlobalPosition | null> {
    return this.claim(event.data.invitationId, event.data.workspaceId, event);
  }

  private async claim(
    invitationId: string,
    workspaceId: WorkspaceId,
    cause: RecordedEvent | CommandContext,
  ): Promise<GlobalPosition | null> {
    const context =
      'metadata' in cause
        ? this.context(cause, `claim-${invitationId}`)
        : { ...cause, commandId: deterministicId('claim', cause.commandId, invitationId) };
    return this.ids.claim(ID_KINDS.invitation, invitationId, workspaceStream(workspaceId), context);
  }

  private async appointCustomerAdministrator(
    event: RecordedEvent<InvitationAccepted['data']>,
  ): Promise<GlobalPosition | null> {
    if (!event.data.customerAdministrator) return null;
    const workspace = await this.executor.load(event.streamName, workspaceDecider);
    if (workspace.state.status === 'none') return null;
    const agreementId: AgreementId = workspace.state.agreementId;
    const result = await this.executor.execute({
      stream: agreementStream(agreementId),
      decider: agreementDecider,
      context: this.context(event, 'appoint-customer-administrator'),
      command: () => ({
        type: 'AppointCustomerAdministrator' as const,
        agreementId,
        userId: event.data.userId as UserId,
        at: event.metadata.occurredAt,
      }),
    });
    return result.position;
  }
}
