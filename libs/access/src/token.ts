import { KeyObject, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AuthenticationError } from '@hub/domain';
import { AccountType, AuthenticatedUser, OrgKind, userFromClaims } from './claims';

export * from './claims';

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
 * The secret as a key, made once: given a string, jsonwebtoken first tries it as a public key
 * (a thrown and caught error) then makes a secret key, on every verify (bench:http: 12% of the
 * hub's CPU under load).
 */
export function secretKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret));
}

/**
 * Verifies an HS256 bearer token at `nowSeconds` (the hub's clock). The algorithm is pinned
 * (a token signed any other way, including `none`, is refused); then the claim rules apply.
 */
export function verifyToken(
  token: string,
  secret: string | KeyObject,
  nowSeconds: number,
): AuthenticatedUser {
  return userFromClaims(verifiedPayload(token, secret, nowSeconds), nowSeconds);
}

/** An HS256 token's payload, its signature and its `exp` and `nbf` checked at `nowSeconds`. */
export function verifiedPayload(
  token: string,
  secret: string | KeyObject,
  nowSeconds: number,
): jwt.JwtPayload {
  let payload: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, secret, {
      algorithms: [ALGORITHM],
      clockTimestamp: nowSeconds,
    });
    if (typeof decoded === 'string') throw new Error('payload is not an object');
    payload = decoded;
  } catch (error) {
    throw new AuthenticationError(`Invalid bearer token: ${(error as Error).message}`);
  }
  return payload;
}

/**
 * The time checks `jwt.verify` makes (`exp` passed, `nbf` not reached), for a payload whose
 * signature was checked before.
 */
export function assertCurrent(payload: jwt.JwtPayload, nowSeconds: number): jwt.JwtPayload {
  if (typeof payload.exp === 'number' && nowSeconds >= payload.exp)
    throw new AuthenticationError('Invalid bearer token: jwt expired');
  if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds)
    throw new AuthenticationError('Invalid bearer token: jwt not active');
  return payload;
}

/** Signs a token for local use and tests (`npm run token`). */
export function mintToken(claims: TokenClaims, secret: string, expiresInSeconds = 3600): string {
  return jwt.sign({ ...claims }, secret, { algorithm: ALGORITHM, expiresIn: expiresInSeconds });
}
