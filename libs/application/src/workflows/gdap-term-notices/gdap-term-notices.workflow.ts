import {
  GdapRelationshipExpired,
  GdapRelationshipExpiring,
  GdapRelationshipExtended,
  GdapRequestLapsed,
} from '@hub/domain/gdap/gdap-term.events';
import { timeNotices } from '../../notifications/time-notices';
import { GdapRecipients } from '../recipients';
import { Workflow } from '../workflow';

type GdapTermFact =
  GdapRelationshipExpiring | GdapRelationshipExpired | GdapRelationshipExtended | GdapRequestLapsed;

/**
 * A relationship's notices, end and extension are told to the partner's admin and the
 * customer's administrators; a lapsed request to the partner's admin alone (domain.md §9).
 */
export const gdapTermNotices: Workflow<GdapTermFact, GdapRecipients> = {
  name: 'gdap-term-notices',
  handles: [
    'GdapRelationshipExpiring',
    'GdapRelationshipExpired',
    'GdapRelationshipExtended',
    'GdapRequestLapsed',
  ],
  read: (event, reads) => reads.gdapRecipients(event.data.relationshipId),
  react: (event, { partner, customer }) => {
    const { eventId } = event.metadata;
    const both = [...partner, ...customer];
    switch (event.type) {
      case 'GdapRelationshipExpiring': {
        const { relationshipId, daysLeft, endsAt, noticedAt } = event.data;
        const subject = `GDAP relationship ${relationshipId} ends in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
        const data = { relationshipId, daysLeft, endsAt };
        return timeNotices({ eventId, at: noticedAt }, 'gdap_expiring', subject, data, both);
      }
      case 'GdapRelationshipExpired': {
        const { relationshipId, endsAt, expiredAt } = event.data;
        const subject = `GDAP relationship ${relationshipId} has ended`;
        const data = { relationshipId, endsAt };
        return timeNotices({ eventId, at: expiredAt }, 'gdap_expired', subject, data, both);
      }
      case 'GdapRelationshipExtended': {
        const { relationshipId, previousEndsAt, endsAt, extendedAt } = event.data;
        const subject = `GDAP relationship ${relationshipId} was extended by 180 days`;
        const data = { relationshipId, previousEndsAt, endsAt };
        return timeNotices({ eventId, at: extendedAt }, 'gdap_extended', subject, data, both);
      }
      case 'GdapRequestLapsed': {
        const { relationshipId, approvalDeadline, lapsedAt } = event.data;
        const subject = `GDAP request ${relationshipId} lapsed unapproved`;
        const data = { relationshipId, approvalDeadline };
        const at = { eventId, at: lapsedAt };
        return timeNotices(at, 'gdap_request_lapsed', subject, data, partner);
      }
    }
  },
};
