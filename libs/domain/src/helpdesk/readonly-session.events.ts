import { DomainEvent, OrgId, PartnerId, UserId } from '../shared';

/** A Help Desk agent opened a customer org as a read-only administrator, with its consent. */
export type ReadOnlySessionOpened = DomainEvent<
  'ReadOnlySessionOpened',
  {
    sessionId: string;
    partnerId: PartnerId;
    orgId: OrgId;
    agentUserId: UserId;
    openedAt: string;
    /** openedAt + 1 hour, the longest a session lasts. */
    endsAt: string;
  }
>;

/** The session reached its hour (recorded by the hub's clock; a withdrawal before makes it moot). */
export type ReadOnlySessionExpired = DomainEvent<
  'ReadOnlySessionExpired',
  {
    sessionId: string;
    partnerId: PartnerId;
    orgId: OrgId;
    agentUserId: UserId;
    endsAt: string;
    expiredAt: string;
  }
>;

/** Every fact a read-only session stream holds. */
export type ReadOnlySessionEvent = ReadOnlySessionOpened | ReadOnlySessionExpired;
