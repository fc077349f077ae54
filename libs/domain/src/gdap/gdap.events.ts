import { DomainEvent, OrgId, PartnerId, RelationshipId, UserId } from '../shared';
import { GdapRole } from './gdap-roles';
import { GdapTermEvent } from './gdap-term.events';

/** A Partner Admin asked a customer for a GDAP relationship; it lapses unless approved in 90 days. */
export type GdapRelationshipRequested = DomainEvent<
  'GdapRelationshipRequested',
  {
    relationshipId: RelationshipId;
    partnerId: PartnerId;
    customerOrgId: OrgId;
    roles: GdapRole[];
    durationDays: number;
    /** Extended by 180 days at its end unless terminated; absent means false. */
    autoExtend?: boolean;
    requestedBy: UserId;
    requestedAt: string;
    /** requestedAt + 90 days: the last instant the customer may approve. */
    approvalDeadline: string;
  }
>;

/** The customer's Customer Administrator approved; the relationship is active until `endsAt`. */
export type GdapRelationshipApproved = DomainEvent<
  'GdapRelationshipApproved',
  {
    relationshipId: RelationshipId;
    approvedBy: UserId;
    approvedAt: string;
    /** approvedAt + durationDays: every role of the relationship ends then. */
    endsAt: string;
  }
>;

/** Either side ended the relationship (or withdrew / declined the request) before its end. */
export type GdapRelationshipTerminated = DomainEvent<
  'GdapRelationshipTerminated',
  {
    relationshipId: RelationshipId;
    terminatedBy: UserId;
    terminatedAt: string;
    by: 'partner' | 'customer';
  }
>;

/** Every fact a GDAP relationship stream holds. */
export type GdapEvent =
  GdapRelationshipRequested | GdapRelationshipApproved | GdapRelationshipTerminated | GdapTermEvent;
