import {
  ClockCommand,
  DomainEvent,
  NoticeTermEnd,
  RelationshipId,
  TermExpired,
  TermExpiring,
  TermNoticeDays,
} from '../shared';

/** Days before a relationship's end when its parties are told (domain.md §9). */
export type NoticeDays = TermNoticeDays;

/** How long an automatic extension adds (Partner Center's auto-extend). */
export const GDAP_AUTO_EXTEND_DAYS = 180;

/** What names a relationship's term: the relationship and the instant the term ends. */
export interface GdapTerm {
  relationshipId: RelationshipId;
  endsAt: string;
}

/** An active relationship is `daysLeft` days from its end (recorded by the hub's clock). */
export type GdapRelationshipExpiring = TermExpiring<'GdapRelationshipExpiring', GdapTerm>;

/** The relationship reached its end: every role it granted ended then. */
export type GdapRelationshipExpired = TermExpired<'GdapRelationshipExpired', GdapTerm>;

/** The relationship reached its end with `autoExtend`: it now ends 180 days later. */
export type GdapRelationshipExtended = DomainEvent<
  'GdapRelationshipExtended',
  { relationshipId: RelationshipId; previousEndsAt: string; endsAt: string; extendedAt: string }
>;

/** A request nobody approved within 90 days lapsed. */
export type GdapRequestLapsed = DomainEvent<
  'GdapRequestLapsed',
  { relationshipId: RelationshipId; approvalDeadline: string; lapsedAt: string }
>;

/** The hub's clock: `daysLeft` days remain of the term ending `endsAt`. */
export type NoticeGdapExpiry = NoticeTermEnd<'NoticeGdapExpiry', GdapTerm>;

/** The hub's clock: the term ending `endsAt` has ended (expire, or extend when `autoExtend`). */
export type EndGdapTerm = ClockCommand<'EndGdapTerm', GdapTerm>;

/** The hub's clock: the 90 days to approve have passed. */
export type LapseGdapRequest = ClockCommand<'LapseGdapRequest', { relationshipId: RelationshipId }>;

export type GdapTermEvent =
  GdapRelationshipExpiring | GdapRelationshipExpired | GdapRelationshipExtended | GdapRequestLapsed;
export type GdapTermCommand = NoticeGdapExpiry | EndGdapTerm | LapseGdapRequest;
