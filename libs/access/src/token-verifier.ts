import { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { JwtPayload } from 'jsonwebtoken';
import { AuthenticationError } from '@hub/domain';
import { AuthenticatedUser, userFromClaims } from './claims';
import { assertCurrent, secretKey, verifiedPayload } from './token';

/** HS256 tokens remembered once their signature checked out; all forgotten past this many. */
const MAX_REMEMBERED_TOKENS = 10_000;

/** An OpenID provider whose RS256 tokens the hub accepts (HUB_JWKS_URL, _ISSUER, _AUDIENCE). */
export interface OpenIdSettings {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /**
   * The least time between two fetches of the key set. A token naming a key the hub has not
   * seen makes it fetch the set again (the provider rotated its keys), at most this often.
   */
  refetchCooldownMs?: number;
  /**
   * The UI's sign-in through the provider (authorization code with PKCE): its public client id
   * and the scopes it asks for. The hub only publishes them (GET /v1/sign-in).
   */
  signIn?: { clientId: string; scope: string };
}

/** The hub's clock, in milliseconds since the epoch; injected so the claim rules can be tested. */
export type EpochClock = () => number;

/**
 * Verifies a bearer token: HS256 with the hub's secret, or RS256 signed by the configured
 * OpenID provider and checked against its JWKS (issuer and audience pinned). Either way the
 * claim rules of `userFromClaims` apply, at the time the clock gives.
 */
export class TokenVerifier {
  private readonly keySet?: ReturnType<typeof createRemoteJWKSet>;
  private readonly key: KeyObject;
  /**
   * HS256 tokens whose signature checked out, by their whole text: a client sends the same
   * token with every request, and decoding and verifying it again cost a few percent of a
   * query's CPU. A hit still meets the time checks and the claim rules at the clock's time.
   */
  private readonly signed = new Map<string, JwtPayload>();

  constructor(
    secret: string,
    private readonly openId?: OpenIdSettings,
    private readonly clock: EpochClock = Date.now,
  ) {
    this.key = secretKey(secret);
    if (openId) {
      this.keySet = createRemoteJWKSet(new URL(openId.jwksUrl), {
        cooldownDuration: openId.refetchCooldownMs ?? 30_000,
        timeoutDuration: 5_000,
      });
    }
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const nowMs = this.clock();
    const nowSeconds = Math.floor(nowMs / 1000);
    const known = this.signed.get(token);
    if (known) return userFromClaims(assertCurrent(known, nowSeconds), nowSeconds);
    let algorithm: string | undefined;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationError('Invalid bearer token: not a JWT');
    }
    if (algorithm === 'HS256') {
      const payload = verifiedPayload(token, this.key, nowSeconds);
      const user = userFromClaims(payload, nowSeconds);
      if (this.signed.size >= MAX_REMEMBERED_TOKENS) this.signed.clear();
      this.signed.set(token, payload);
      return user;
    }
    if (algorithm === 'RS256' && this.keySet && this.openId) {
      let claims: Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(token, this.keySet, {
          algorithms: ['RS256'],
          issuer: this.openId.issuer,
          audience: this.openId.audience,
          currentDate: new Date(nowMs),
          requiredClaims: ['exp', 'iat', 'sub'],
        }));
      } catch (error) {
        throw new AuthenticationError(`Invalid bearer token: ${(error as Error).message}`);
      }
      return userFromClaims(claims, nowSeconds);
    }
    throw new AuthenticationError(
      `Invalid bearer token: ${this.keySet ? 'HS256 or RS256' : 'HS256'} signatures only`,
    );
  }
}
