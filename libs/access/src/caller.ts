import { Caller, OrgId, ProviderRole, UserId } from '@hub/domain';
import { AuthenticatedUser } from './token';

const PROVIDER_ROLES: readonly ProviderRole[] = ['CSAM', 'AC', 'Auditor', 'Operator'];

/** The domain's view of the token's caller; agreement-specific flags are added by handlers. */
export function callerOf(user: AuthenticatedUser): Caller {
  return {
    userId: user.userId as UserId,
    email: user.email,
    orgId: user.orgId as OrgId | undefined,
    // An Auditor of a customer organisation is not provider staff.
    providerRoles:
      user.orgKind === 'provider'
        ? user.roles.filter((r): r is ProviderRole =>
            (PROVIDER_ROLES as readonly string[]).includes(r),
          )
        : [],
    service: user.roles.includes('Service'),
    accountType: user.accountType,
  };
}
