import { OrgId, deterministicId } from '@hub/domain';
import { AgreementActivated } from '@hub/domain/agreements/agreement.events';
import { GdapRelationshipRequested } from '@hub/domain/gdap/gdap.events';
import { UserUpserted } from '@hub/domain/directory';
import { MemberInvited } from '@hub/domain/workspaces/workspace.events';
import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { NotificationOutbox } from '../notifications/notification-outbox';
import {
  gdapApprovalNotification,
  invitationNotification,
} from '../notifications/notification-messages';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { CustomerIndex } from '../indexes/customer-index';

/** Event types these steps handle (added to the follow-up runner's filter). */
export const CSP_FOLLOW_UP_EVENT_TYPES = ['GdapRelationshipRequested', 'UserUpserted'] as const;

/**
 * Idempotent steps for partners and notifications:
 * - agreement activated → listed under its customer org (CustomerIndex), so customer-scoped
 *   routes find the org's Customer Administrators strongly consistently;
 * - GDAP relationship requested → listed under partner and customer, and its approval request
 *   sent to the customer's Service Administrators (outbox);
 * - member invited → the invitation e-mail (outbox);
 * - user upserted (directory) → listed under their e-mail address, so the Help Desk can tell
 *   whose address a suppression is about.
 * Notification ids derive from the event id, so a replay enqueues nothing new.
 */
export class CspFollowUps {
  readonly index: CustomerIndex;

  constructor(
    executor: CommandExecutor,
    private readonly outbox?: NotificationOutbox,
  ) {
    this.index = new CustomerIndex(executor);
  }

  /** The steps of the event types in CSP_FOLLOW_UP_EVENT_TYPES. */
  handle(event: RecordedEvent): Promise<GlobalPosition | null> {
    if (event.type === 'UserUpserted') {
      const { data } = event as unknown as RecordedEvent<UserUpserted['data']>;
      return this.index.addUserEmail(data.email, data.userId, stepContext(event, 'index-email'));
    }
    return this.gdapRequested(event as unknown as RecordedEvent<GdapRelationshipRequested['data']>);
  }

  indexAgreement(event: RecordedEvent<AgreementActivated['data']>): Promise<GlobalPosition | null> {
    const { customer, agreementId } = event.data;
    return this.index.addAgreement(customer.orgId, agreementId, stepContext(event, 'index-org'));
  }

  async notifyInvitation(event: RecordedEvent<MemberInvited['data']>): Promise<null> {
    await this.outbox?.enqueue(invitationNotification(event.metadata.eventId, event.data));
    return null;
  }

  async gdapRequested(
    event: RecordedEvent<GdapRelationshipRequested['data']>,
  ): Promise<GlobalPosition | null> {
    const { partnerId, customerOrgId, relationshipId } = event.data;
    const context = stepContext(event, 'index-gdap');
    const position = await this.index.addRelationship(
      partnerId,
      customerOrgId,
      relationshipId,
      context,
    );
    for (const to of await this.approversOf(customerOrgId)) {
      await this.outbox?.enqueue(gdapApprovalNotification(event.metadata.eventId, to, event.data));
    }
    return position;
  }

  /** The Service Administrators named on the customer's agreements: its first Customer Administrators. */
  private async approversOf(orgId: OrgId): Promise<string[]> {
    const agreements = await this.index.agreementsOf(orgId);
    const emails = agreements.flatMap((a) =>
      a.status === 'active' ? [a.activation.serviceAdministrator.email] : [],
    );
    return [...new Set(emails.map((email) => email.toLowerCase()))];
  }
}

function stepContext(event: RecordedEvent, step: string): CommandContext {
  return {
    commandId: deterministicId('follow-up', step, event.metadata.eventId),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.eventId,
    actor: { service: 'hub' },
    source: event.metadata.source,
    occurredAt: event.metadata.occurredAt,
  };
}
