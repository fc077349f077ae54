import { RelationshipId } from '@hub/domain';
import {
  GdapRelationshipApproved,
  GdapRelationshipRequested,
  GdapRelationshipTerminated,
} from '@hub/domain/gdap/gdap.events';
import { GdapRelationshipExtended, NoticeDays } from '@hub/domain/gdap/gdap-term.events';
import { addDays, isBefore } from '@hub/domain/gdap/instants';
import { timer } from '../../schedule/timer';
import { Step, Workflow } from '../workflow';

type GdapTermCause =
  | GdapRelationshipRequested
  | GdapRelationshipApproved
  | GdapRelationshipExtended
  | GdapRelationshipTerminated;

const NOTICES: readonly NoticeDays[] = [30, 7, 1];
const ownerOf = (relationshipId: RelationshipId) => `gdap-term:${relationshipId}`;

/**
 * The notices of a term running from `from` to `endsAt` (those that fall before `from` are
 * skipped: a 5-day relationship gets no "30 days left"), and its end.
 */
function termTimers(relationshipId: RelationshipId, stream: string, from: string, endsAt: string) {
  const owner = ownerOf(relationshipId);
  const notices = NOTICES.filter((days) => !isBefore(addDays(endsAt, -days), from)).map(
    (daysLeft): Step => ({
      kind: 'schedule',
      timer: timer('gdap', {
        key: `${owner}:${daysLeft}`,
        owner,
        stream,
        command: {
          type: 'NoticeGdapExpiry',
          relationshipId,
          daysLeft,
          endsAt,
          at: addDays(endsAt, -daysLeft),
        },
      }),
    }),
  );
  const end: Step = {
    kind: 'schedule',
    timer: timer('gdap', {
      key: `${owner}:end`,
      owner,
      stream,
      command: { type: 'EndGdapTerm', relationshipId, endsAt, at: endsAt },
    }),
  };
  return [...notices, end];
}

/**
 * A GDAP relationship's times on the schedule (domain.md §9): a request's 90-day lapse (the
 * instant after its approval deadline); an approval's or an extension's 30/7/1-day notices and
 * end; a termination (or the approval, for the lapse) cancels what is pending.
 */
export const gdapTerms: Workflow<GdapTermCause> = {
  name: 'gdap-terms',
  schedules: true,
  handles: [
    'GdapRelationshipRequested',
    'GdapRelationshipApproved',
    'GdapRelationshipExtended',
    'GdapRelationshipTerminated',
  ],
  react: (event) => {
    const { relationshipId } = event.data;
    const owner = ownerOf(relationshipId);
    switch (event.type) {
      case 'GdapRelationshipRequested': {
        // Approval is allowed up to and including the deadline: it lapses the instant after.
        const at = new Date(Date.parse(event.data.approvalDeadline) + 1).toISOString();
        const command = { type: 'LapseGdapRequest' as const, relationshipId, at };
        const key = `${owner}:lapse`;
        return [
          {
            kind: 'schedule',
            timer: timer('gdap', { key, owner, stream: event.streamName, command }),
          },
        ];
      }
      case 'GdapRelationshipApproved': {
        const { approvedAt, endsAt } = event.data;
        const cancelLapse: Step = { kind: 'cancel', owner };
        return [cancelLapse, ...termTimers(relationshipId, event.streamName, approvedAt, endsAt)];
      }
      case 'GdapRelationshipExtended': {
        const { extendedAt, endsAt } = event.data;
        return termTimers(relationshipId, event.streamName, extendedAt, endsAt);
      }
      case 'GdapRelationshipTerminated':
        return [{ kind: 'cancel', owner }];
    }
  },
};
