// Sign-in through the hub's OpenID provider: the authorization code flow with PKCE (RFC 7636),
// the provider found through its discovery document. The UI is a public client: no secret, the
// code is bound to a verifier that never leaves the tab, and the access token the provider
// answers is what the hub verifies (RS256 against the provider's keys).
import { TOKEN_KEY } from './auth';

/** What GET /v1/sign-in answers when the hub has a provider the UI may sign in through. */
export interface OpenIdSignIn {
  issuer: string;
  clientId: string;
  audience: string;
  scope: string;
}

/** The flow in progress, kept in sessionStorage across the provider's redirect. */
export interface PendingSignIn {
  state: string;
  verifier: string;
  redirectUri: string;
  /** The page to land on afterwards (`#/cases`). */
  route: string;
}

export const PENDING_KEY = 'hub.openid.pending';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

export type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 32 random bytes, base64url: a PKCE verifier or a state. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The provider's discovery document; its issuer must be the one the hub pins. */
export async function discover(issuer: string, fetchFn: typeof fetch = fetch): Promise<Discovery> {
  const response = await fetchFn(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The sign-in provider answered ${response.status}.`);
  const document = (await response.json()) as Discovery;
  if (document.issuer !== issuer)
    throw new Error('The sign-in provider names another issuer than the hub trusts.');
  return document;
}

export function authorizationUrl(
  endpoint: string,
  config: OpenIdSignIn,
  pending: PendingSignIn,
  challenge: string,
): string {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope,
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    // Resource indicators (RFC 8707): an access token for the hub's audience.
    resource: config.audience,
  }).toString();
  return url.toString();
}

/** Starts the flow: remembers the verifier and state, answers where to send the browser. */
export async function beginSignIn(
  config: OpenIdSignIn,
  redirectUri: string,
  route: string,
  storage: SessionStore,
  fetchFn: typeof fetch = fetch,
): Promise<string> {
  const { authorization_endpoint } = await discover(config.issuer, fetchFn);
  const pending: PendingSignIn = {
    state: randomToken(),
    verifier: randomToken(),
    redirectUri,
    route,
  };
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return authorizationUrl(
    authorization_endpoint,
    config,
    pending,
    await challengeOf(pending.verifier),
  );
}

/** The hub's sign-in configuration (GET /v1/sign-in, no token): null without a provider. */
export async function signInConfig(fetchFn: typeof fetch = fetch): Promise<OpenIdSignIn | null> {
  const response = await fetchFn('/v1/sign-in', { headers: { accept: 'application/json' } });
  if (!response.ok) return null;
  return ((await response.json()) as { openId: OpenIdSignIn | null }).openId;
}

/** A code on the redirect URI; `iss` names who issued it when the provider says (RFC 9207). */
export interface Callback {
  code: string;
  state: string;
  iss?: string;
}

/** The provider's answer on the redirect URI (`?code=&state=` or `?error=`), if this is one. */
export function callbackOf(search: string): Callback | { error: string } | null {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error) return { error: params.get('error_description') || error };
  const code = params.get('code');
  const state = params.get('state');
  const iss = params.get('iss');
  return code && state ? { code, state, ...(iss ? { iss } : {}) } : null;
}

/**
 * Finishes the flow on the redirect URI: checks the state, trades the code and verifier for
 * an access token, keeps it as the session's token. Answers the token and the page to show.
 */
export async function completeSignIn(
  config: OpenIdSignIn,
  callback: Callback,
  storage: SessionStore,
  fetchFn: typeof fetch = fetch,
): Promise<{ token: string; route: string }> {
  const saved = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  const pending = saved ? (JSON.parse(saved) as PendingSignIn) : null;
  if (!pending || pending.state !== callback.state)
    throw new Error('That sign-in answer was not for this tab; sign in again.');
  // A code from another provider than the one the hub trusts (a mix-up) is never traded.
  if (callback.iss !== undefined && callback.iss !== config.issuer)
    throw new Error('That sign-in answer came from another provider than the hub trusts.');
  const { token_endpoint } = await discover(config.issuer, fetchFn);
  const response = await fetchFn(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.code,
      redirect_uri: pending.redirectUri,
      client_id: config.clientId,
      code_verifier: pending.verifier,
      resource: config.audience,
    }).toString(),
  });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    error_description?: string;
    error?: string;
  };
  if (!response.ok || !body.access_token)
    throw new Error(
      `The sign-in provider refused the sign-in: ${body.error_description ?? body.error ?? response.status}.`,
    );
  storage.setItem(TOKEN_KEY, body.access_token);
  return { token: body.access_token, route: pending.route };
}
