import jwt from 'jsonwebtoken';
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

export interface TokenClaims {
  sub: string;
  email?: string;
  name?: string;
  org?: string;
  orgKind?: OrgKind;
  roles?: string[];
  accountType?: AccountType;
}

const ALGORITHM = 'HS256';

/**
 * Verifies an HS256 bearer token. The algorithm is pinned (a token signed any other way,
 * including `none`, is refused) and `exp` is required.
 */
export function verifyToken(token: string, secret: string): AuthenticatedUser {
  let payload: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, secret, { algorithms: [ALGORITHM] });
    if (typeof decoded === 'string') throw new Error('payload is not an object');
    payload = decoded;
  } catch (error) {
    throw new AuthenticationError(`Invalid bearer token: ${(error as Error).message}`);
  }
  if (typeof payload.exp !== 'number')
    throw new AuthenticationError('Invalid bearer token: exp is required');
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
    throw new AuthenticationError('Invalid bearer token: sub is required');
  }
  const roles = Array.isArray(payload.roles) ? payload.roles : [];
  const orgKind = payload.orgKind;
  return {
    userId: payload.sub,
    email: typeof payload.email === 'string' ? payload.email : undefined,
    name: typeof payload.name === 'string' ? payload.name : undefined,
    orgId: typeof payload.org === 'string' ? payload.org : undefined,
    orgKind:
      orgKind === 'customer' || orgKind === 'partner' || orgKind === 'provider'
        ? orgKind
        : undefined,
    roles: roles.filter((r): r is TokenRole => (TOKEN_ROLES as readonly string[]).includes(r)),
    accountType: payload.accountType === 'personal' ? 'personal' : 'work',
  };
}

/** Signs a token for local use and tests (`npm run token`). */
export function mintToken(claims: TokenClaims, secret: string, expiresInSeconds = 3600): string {
  return jwt.sign({ ...claims }, secret, { algorithm: ALGORITHM, expiresIn: expiresInSeconds });
}
