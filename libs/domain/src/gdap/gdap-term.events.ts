import { DomainEvent, RelationshipId } from '../shared';

/** Days before a relationship's end when its parties are told (domain.md §9). */
export type NoticeDays = 30 | 7 | 1;

/** How long an automatic extension adds (Partner Center's auto-extend). */
export const GDAP_AUTO_EXTEND_DAYS = 180;

/** An active relationship is `daysLeft` days from its end (recorded by the hub's clock). */
export type GdapRelationshipExpiring = DomainEvent<
  'GdapRelationshipExpiring',
  { relationshipId: RelationshipId; daysLeft: NoticeDays; endsAt: string; noticedAt: string }
>;

/** The relationship reached its end: every role it granted ended then. */
export type GdapRelationshipExpired = DomainEvent<
  'GdapRelationshipExpired',
  { relationshipId: RelationshipId; endsAt: string; expiredAt: string }
>;

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
export interface NoticeGdapExpiry {
  type: 'NoticeGdapExpiry';
  relationshipId: RelationshipId;
  daysLeft: NoticeDays;
  endsAt: string;
  at: string;
}

/** The hub's clock: the term ending `endsAt` has ended (expire, or extend when `autoExtend`). */
export interface EndGdapTerm {
  type: 'EndGdapTerm';
  relationshipId: RelationshipId;
  endsAt: string;
  at: string;
}

/** The hub's clock: the 90 days to approve have passed. */
export interface LapseGdapRequest {
  type: 'LapseGdapRequest';
  relationshipId: RelationshipId;
  at: string;
}

export type GdapTermEvent =
  GdapRelationshipExpiring | GdapRelationshipExpired | GdapRelationshipExtended | GdapRequestLapsed;
export type GdapTermCommand = NoticeGdapExpiry | EndGdapTerm | LapseGdapRequest;
