import { AuthenticatedUser, callerOf } from '@hub/access';
import { PartnerCaller, PartnerRole } from '@hub/domain/partners';

const PARTNER_ROLES: readonly PartnerRole[] = ['AdminAgent', 'PartnerAdmin'];

/** The caller with the partner roles of the token (AdminAgent, PartnerAdmin; domain.md §1). */
export function partnerCallerOf(user: AuthenticatedUser): PartnerCaller {
  return {
    ...callerOf(user),
    partnerRoles: user.roles.filter((r): r is PartnerRole =>
      (PARTNER_ROLES as readonly string[]).includes(r),
    ),
  };
}
