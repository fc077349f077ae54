import { AuthenticationError } from '@hub/domain';

export type OrgKind = 'customer' | 'partner' | 'provider';
export type AccountType = 'work' | 'personal';

/** Roles a token may carry (api.md "Auth"); workspace roles are never in a token. */
export const TOKEN_ROLES = [
  'CSAM',
  'AC',
  'Auditor',
  'Operator',
  'AdminAgent',
  'PartnerAdmin',
  'Service',
] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** Roles only the provider's own staff and services hold. */
const PROVIDER_ONLY: readonly TokenRole[] = ['CSAM', 'AC', 'Operator', 'Service'];
/** Roles only a partner organisation's people hold. */
const PARTNER_ONLY: readonly TokenRole[] = ['AdminAgent', 'PartnerAdmin'];

/** The longest lifetime (`exp - iat`) a token may claim. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
/** How far a token's `iat` may lie ahead of the hub's clock (clocks of two hosts drift). */
export const ISSUED_AT_LEEWAY_SECONDS = 60;

/** The caller as the verified token names them. */
export interface AuthenticatedUser {
  userId: string;
  email?: string;
  name?: string;
  orgId?: string;
  orgKind?: OrgKind;
  roles: TokenRole[];
  accountType: AccountType;
}

/** The claims of a token whose signature has been checked. */
export type VerifiedClaims = Record<string, unknown>;

function refuse(reason: string): never {
  throw new AuthenticationError(`Invalid bearer token: ${reason}`);
}

function optionalString(claims: VerifiedClaims, name: string): string | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') refuse(`${name} must be a non-empty string`);
  return value;
}

/**
 * The claim rules of api.md "Conventions", applied to a token whose signature is valid:
 * `exp` and `iat` present, a lifetime of at most 24 hours, not issued in the future;
 * `orgKind` and `accountType` exactly one of their values; provider roles only with
 * `orgKind: provider`, partner roles only with `orgKind: partner`, an Auditor of a customer
 * organisation only with its `org`. `nowSeconds` is the hub's clock (seconds since the epoch).
 */
export function userFromClaims(claims: VerifiedClaims, nowSeconds: number): AuthenticatedUser {
  const { exp, iat, sub } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) refuse('exp is required');
  if (typeof iat !== 'number' || !Number.isFinite(iat)) refuse('iat is required');
  if (exp <= nowSeconds) refuse('the token has expired');
  if (iat > nowSeconds + ISSUED_AT_LEEWAY_SECONDS) refuse('iat is in the future');
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) refuse('a token lives at most 24 hours');
  if (typeof sub !== 'string' || sub.length === 0) refuse('sub is required');
  const orgKind = optionalString(claims, 'orgKind');
  if (orgKind !== undefined && !['customer', 'partner', 'provider'].includes(orgKind))
    refuse('orgKind must be customer, partner or provider');
  const accountType = claims.accountType ?? 'work';
  if (accountType !== 'work' && accountType !== 'personal')
    refuse('accountType must be exactly work or personal');
  if (claims.roles !== undefined && !Array.isArray(claims.roles)) refuse('roles must be a list');
  const roles = ((claims.roles as unknown[] | undefined) ?? []).filter((role): role is TokenRole =>
    (TOKEN_ROLES as readonly unknown[]).includes(role),
  );
  const orgId = optionalString(claims, 'org');
  for (const role of roles) {
    if (PROVIDER_ONLY.includes(role) && orgKind !== 'provider')
      refuse(`${role} needs orgKind provider`);
    if (PARTNER_ONLY.includes(role) && orgKind !== 'partner')
      refuse(`${role} needs orgKind partner`);
  }
  if (roles.includes('Auditor') && orgKind !== 'provider' && (orgKind !== 'customer' || !orgId))
    refuse('an Auditor is provider staff, or of a customer organisation named in org');
  return {
    userId: sub,
    email: optionalString(claims, 'email'),
    name: optionalString(claims, 'name'),
    orgId,
    orgKind: orgKind as OrgKind | undefined,
    roles,
    accountType,
  };
}
