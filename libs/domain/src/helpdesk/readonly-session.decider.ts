import { Decider, ForbiddenError, refuse } from '../shared';
import { addMinutes, epochOf, isBefore } from '../gdap/instants';
import { ReadOnlyConsent } from '../subscriptions/customer-subscriptions.decider';
import { requireAgentOfManaged } from './helpdesk-agent';
import { ExpireReadOnlySession, ReadOnlySessionCommand } from './readonly-session.commands';
import { ReadOnlySessionEvent, ReadOnlySessionOpened } from './readonly-session.events';

/** One stream per session: every session is recorded on its own (domain.md §7). */
export function readOnlySessionStream(sessionId: string): string {
  return `readonly-session-${sessionId}`;
}

/** A read-only session lasts at most one hour (domain.md §7). */
export const SESSION_MAX_MINUTES = 60;

/** The session as opened, or nothing yet. */
export type ReadOnlySessionState =
  { status: 'none' } | ({ status: 'opened'; expired?: boolean } & ReadOnlySessionOpened['data']);

function decide(
  command: ReadOnlySessionCommand,
  state: ReadOnlySessionState,
): ReadOnlySessionEvent[] {
  if (command.type === 'ExpireReadOnlySession') return decideExpiry(command, state);
  requireAgentOfManaged(command);
  if (!command.consent?.allowed) {
    throw new ForbiddenError(
      'The customer does not allow read-only access.',
      'readonly_access_not_allowed',
    );
  }
  if (state.status !== 'none')
    refuse('readonly_session_exists', 'This session was already opened.');
  const { sessionId, partnerId, orgId, at } = command;
  return [
    {
      type: 'ReadOnlySessionOpened',
      data: {
        sessionId,
        partnerId,
        orgId,
        agentUserId: command.by.userId,
        openedAt: at,
        endsAt: addMinutes(at, SESSION_MAX_MINUTES),
      },
    },
  ];
}

/** The hub's clock: the session expires once, at its hour and not before. */
function decideExpiry(
  command: ExpireReadOnlySession,
  state: ReadOnlySessionState,
): ReadOnlySessionEvent[] {
  if (state.status !== 'opened' || state.expired || state.endsAt !== command.endsAt) return [];
  if (isBefore(command.at, state.endsAt)) return [];
  const { sessionId, partnerId, orgId, agentUserId, endsAt } = state;
  return [
    {
      type: 'ReadOnlySessionExpired',
      data: { sessionId, partnerId, orgId, agentUserId, endsAt, expiredAt: command.at },
    },
  ];
}

function evolve(state: ReadOnlySessionState, event: ReadOnlySessionEvent): ReadOnlySessionState {
  if (event.type === 'ReadOnlySessionExpired') {
    return state.status === 'opened' ? { ...state, expired: true } : state;
  }
  return { status: 'opened', ...event.data };
}

/** A read-only administrator session of a Help Desk agent in a customer org. */
export const readOnlySessionDecider: Decider<
  ReadOnlySessionCommand,
  ReadOnlySessionEvent,
  ReadOnlySessionState
> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};

/** Where a session stands at an instant. */
export type SessionStatus = 'open' | 'expired' | 'ended-by-withdrawal';

/**
 * A session's status, read off the clock and the customer's consent (no job closes it):
 * a withdrawal after it opened and before `at` ends it, unless the hour ran out first.
 */
export function sessionStatusAt(
  session: ReadOnlySessionOpened['data'],
  consent: ReadOnlyConsent | undefined,
  at: string,
): SessionStatus {
  const opened = epochOf(session.openedAt);
  const endedBy = Math.min(epochOf(session.endsAt) - 1, epochOf(at));
  const withdrawn = (consent?.withdrawals ?? []).some(
    (w) => epochOf(w) >= opened && epochOf(w) <= endedBy,
  );
  if (withdrawn) return 'ended-by-withdrawal';
  return isBefore(at, session.endsAt) ? 'open' : 'expired';
}
