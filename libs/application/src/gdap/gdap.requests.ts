// The plain shapes of the gdap commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/gdap/gdap.dto.ts are validated classes of the same shape).
import { GdapRole } from '@hub/domain/gdap';

/** POST /v1/gdap-relationships: a PartnerAdmin asks a customer for delegated roles. */
export interface RequestGdapRelationshipRequest {
  partnerId: string;
  customerOrgId: string;
  roles: GdapRole[];
  durationDays: number;
  /** Extend by 180 days at the end unless terminated (default false). */
  autoExtend?: boolean;
}

export interface GdapRequestedAnswer {
  relationshipId: string;
  position: string;
}
