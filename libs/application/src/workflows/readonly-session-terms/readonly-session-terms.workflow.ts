import {
  ReadOnlySessionExpired,
  ReadOnlySessionOpened,
} from '@hub/domain/helpdesk/readonly-session.events';
import { ReadOnlyAccessConsentWithdrawn } from '@hub/domain/subscriptions/customer-subscriptions.events';
import { timeNotices } from '../../notifications/time-notices';
import { timer } from '../../schedule/timer';
import { Recipient } from '../recipients';
import { Workflow } from '../workflow';

// A withdrawal ends every open session of that partner in that org: they share an owner.
const ownerOf = (orgId: string, partnerId: string) => `readonly-consent:${orgId}:${partnerId}`;

/**
 * A read-only session's hour on the schedule (domain.md §7, §9): opening it puts its end there;
 * the customer withdrawing the partner's consent ends it first, which cancels the expiry.
 */
export const readOnlySessionTerms: Workflow<
  ReadOnlySessionOpened | ReadOnlyAccessConsentWithdrawn
> = {
  name: 'readonly-session-terms',
  schedules: true,
  handles: ['ReadOnlySessionOpened', 'ReadOnlyAccessConsentWithdrawn'],
  react: (event) => {
    const owner = ownerOf(event.data.orgId, event.data.partnerId);
    if (event.type === 'ReadOnlyAccessConsentWithdrawn') return [{ kind: 'cancel', owner }];
    const { sessionId, endsAt } = event.data;
    const command = { type: 'ExpireReadOnlySession' as const, sessionId, endsAt, at: endsAt };
    const key = `readonly-session:${sessionId}`;
    return [
      {
        kind: 'schedule',
        timer: timer('readonlySession', { key, owner, stream: event.streamName, command }),
      },
    ];
  },
};

/** An expired session is told to the agent who opened it. */
export const readOnlySessionNotices: Workflow<ReadOnlySessionExpired, Recipient[]> = {
  name: 'readonly-session-notices',
  handles: ['ReadOnlySessionExpired'],
  read: (event, reads) => reads.openerOf(event.streamName),
  react: (event, agent) => {
    const { sessionId, orgId, partnerId, endsAt, expiredAt } = event.data;
    const subject = `Your read-only session in ${orgId} has ended`;
    const data = { sessionId, orgId, partnerId, endsAt };
    const at = { eventId: event.metadata.eventId, at: expiredAt };
    return timeNotices(at, 'readonly_session_expired', subject, data, agent);
  },
};
