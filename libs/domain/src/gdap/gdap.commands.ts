import { IssuedCommand, OrgId, PartnerId, RelationshipId } from '../shared';
import { PartnerCaller } from '../partners/partner-caller';
import { GdapTermCommand } from './gdap-term.events';

/** The partner's PartnerAdmin: ask a customer for delegated roles (POST /v1/gdap-relationships). */
export interface RequestGdapRelationship {
  type: 'RequestGdapRelationship';
  relationshipId: RelationshipId;
  partnerId: PartnerId;
  customerOrgId: OrgId;
  /** Known GDAP roles (gdap-roles.ts); at least one. */
  roles: string[];
  /** Whole days, 1 to 730. */
  durationDays: number;
  /** Extend by 180 days at the end unless terminated (domain.md §6); false by default. */
  autoExtend?: boolean;
  at: string;
  by: PartnerCaller;
}

/** The customer's CustomerAdministrator approves a pending request (…/{id}/approve). */
export type ApproveGdapRelationship = IssuedCommand<
  'ApproveGdapRelationship',
  { relationshipId: RelationshipId }
>;

/** Either side's administrator ends the relationship (…/{id}/terminate). */
export type TerminateGdapRelationship = IssuedCommand<
  'TerminateGdapRelationship',
  { relationshipId: RelationshipId },
  PartnerCaller
>;

/** Every command a GDAP relationship decides. */
export type GdapCommand =
  RequestGdapRelationship | ApproveGdapRelationship | TerminateGdapRelationship | GdapTermCommand;
