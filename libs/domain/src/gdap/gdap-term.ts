import { GdapState } from './gdap-status';
import { GDAP_AUTO_EXTEND_DAYS, GdapTermCommand, GdapTermEvent } from './gdap-term.events';
import { addDays, epochOf, isBefore } from './instants';

type Known = Exclude<GdapState, { status: 'none' }>;

/**
 * The hub's clock on a relationship: each notice once per term, the end once (expired, or
 * extended by 180 days when the request asked for `autoExtend`), the lapse once; nothing once a
 * later fact made it moot (terminated, approved, or a term that no longer ends then), and nothing
 * before its time.
 */
export function decideTerm(command: GdapTermCommand, state: Known): GdapTermEvent[] {
  const { relationshipId } = state;
  if (command.type === 'LapseGdapRequest') {
    if (state.status !== 'requested' || state.lapsed) return [];
    if (!isBefore(state.approvalDeadline, command.at)) return [];
    const data = { relationshipId, approvalDeadline: state.approvalDeadline, lapsedAt: command.at };
    return [{ type: 'GdapRequestLapsed', data }];
  }
  const endsAt = state.endsAt;
  const current =
    state.status === 'approved' &&
    !state.expired &&
    endsAt !== undefined &&
    epochOf(endsAt) === epochOf(command.endsAt);
  if (!current) return [];
  if (command.type === 'NoticeGdapExpiry') {
    const notice = `${endsAt}/${command.daysLeft}`;
    const due = addDays(endsAt, -command.daysLeft);
    if ((state.notices ?? []).includes(notice) || isBefore(command.at, due)) return [];
    const data = { relationshipId, daysLeft: command.daysLeft, endsAt, noticedAt: command.at };
    return [{ type: 'GdapRelationshipExpiring', data }];
  }
  if (isBefore(command.at, endsAt)) return [];
  if (state.autoExtend) {
    const extended = addDays(endsAt, GDAP_AUTO_EXTEND_DAYS);
    const data = {
      relationshipId,
      previousEndsAt: endsAt,
      endsAt: extended,
      extendedAt: command.at,
    };
    return [{ type: 'GdapRelationshipExtended', data }];
  }
  return [
    { type: 'GdapRelationshipExpired', data: { relationshipId, endsAt, expiredAt: command.at } },
  ];
}

/** Folds the clock's facts into the relationship. */
export function evolveTerm(state: Known, event: GdapTermEvent): Known {
  switch (event.type) {
    case 'GdapRelationshipExpiring': {
      const notice = `${event.data.endsAt}/${event.data.daysLeft}`;
      return { ...state, notices: [...(state.notices ?? []), notice] };
    }
    case 'GdapRelationshipExpired':
      return { ...state, expired: true };
    case 'GdapRelationshipExtended':
      return { ...state, endsAt: event.data.endsAt };
    case 'GdapRequestLapsed':
      return { ...state, lapsed: true };
  }
}
