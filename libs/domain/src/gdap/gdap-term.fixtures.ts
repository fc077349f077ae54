import { OrgId, PartnerId, RelationshipId, UserId } from '../shared';
import { GdapRelationshipRequested } from './gdap.events';

/** The relationship the term specs follow. */
export const relationshipId = 'rel-1' as RelationshipId;

/** A 40-day request made 2026-03-02 09:00 (it lapses after 2026-05-31 09:00 unless approved). */
export const requested = (autoExtend?: boolean): GdapRelationshipRequested => ({
  type: 'GdapRelationshipRequested',
  data: {
    relationshipId,
    partnerId: 'p-1' as PartnerId,
    customerOrgId: 'org-1' as OrgId,
    roles: ['ServiceSupportAdministrator'],
    durationDays: 40,
    requestedBy: 'u-pa' as UserId,
    requestedAt: '2026-03-02T09:00:00.000Z',
    approvalDeadline: '2026-05-31T09:00:00.000Z',
    ...(autoExtend === undefined ? {} : { autoExtend }),
  },
});
