import { createHash } from 'node:crypto';
import { TOKEN_KEY } from './auth';
import {
  OpenIdSignIn,
  PENDING_KEY,
  authorizationUrl,
  beginSignIn,
  callbackOf,
  challengeOf,
  completeSignIn,
} from './openid';

const CONFIG: OpenIdSignIn = {
  issuer: 'https://idp.example',
  clientId: 'hub-ui',
  audience: 'https://hub.example/api',
  scope: 'openid hub',
};
const DISCOVERY = {
  issuer: 'https://idp.example',
  authorization_endpoint: 'https://idp.example/auth',
  token_endpoint: 'https://idp.example/token',
};

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('sign-in through an OpenID provider (authorization code with PKCE)', () => {
  it('derives the S256 challenge as SHA-256 of the verifier, base64url without padding', async () => {
    const verifier = 'a-verifier-of-forty-three-characters-000000';
    expect(await challengeOf(verifier)).toBe(
      createHash('sha256').update(verifier).digest('base64url'),
    );
  });

  it('asks for a code for the hub audience, with the state and the challenge', () => {
    const url = new URL(
      authorizationUrl(
        DISCOVERY.authorization_endpoint,
        CONFIG,
        { state: 's1', verifier: 'v', redirectUri: 'http://127.0.0.1:3000/app/', route: '#/cases' },
        'c1',
      ),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'hub-ui',
      redirect_uri: 'http://127.0.0.1:3000/app/',
      scope: 'openid hub',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
      resource: 'https://hub.example/api',
    });
  });

  it('begins at the endpoint the discovery document names, keeping verifier and state for the return', async () => {
    const storage = new MemoryStorage();
    const url = new URL(
      await beginSignIn(CONFIG, 'http://127.0.0.1:3000/app/', '#/cases', storage, async () =>
        json(DISCOVERY),
      ),
    );
    expect(url.origin + url.pathname).toBe(DISCOVERY.authorization_endpoint);
    const pending = JSON.parse(storage.getItem(PENDING_KEY) as string);
    expect(url.searchParams.get('state')).toBe(pending.state);
    expect(url.searchParams.get('code_challenge')).toBe(await challengeOf(pending.verifier));
    expect(pending.route).toBe('#/cases');
  });

  it('refuses a discovery document of another issuer', async () => {
    await expect(
      beginSignIn(CONFIG, 'http://x/app/', '#/activity', new MemoryStorage(), async () =>
        json({ ...DISCOVERY, issuer: 'https://evil.example' }),
      ),
    ).rejects.toThrow('another issuer');
  });

  it('reads the answer on the redirect URI: a code and state, an error, or nothing', () => {
    expect(callbackOf('?code=c&state=s')).toEqual({ code: 'c', state: 's' });
    expect(callbackOf('?code=c&state=s&iss=https%3A%2F%2Fidp.example')).toEqual({
      code: 'c',
      state: 's',
      iss: 'https://idp.example',
    });
    expect(callbackOf('?error=access_denied&error_description=No')).toEqual({ error: 'No' });
    expect(callbackOf('')).toBeNull();
  });

  it('trades the code and the verifier for the access token, once, and only for its own state', async () => {
    const storage = new MemoryStorage();
    const pending = { state: 's1', verifier: 'v1', redirectUri: 'http://h/app/', route: '#/cases' };
    storage.setItem(PENDING_KEY, JSON.stringify(pending));
    const posted: URLSearchParams[] = [];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      if (url.endsWith('/.well-known/openid-configuration')) return json(DISCOVERY);
      posted.push(new URLSearchParams(String(init?.body)));
      return json({ access_token: 'a.b.c', token_type: 'Bearer' });
    }) as typeof fetch;
    await expect(
      completeSignIn(CONFIG, { code: 'k', state: 's1' }, storage, fetchFn),
    ).resolves.toEqual({ token: 'a.b.c', route: '#/cases' });
    expect(Object.fromEntries(posted[0])).toEqual({
      grant_type: 'authorization_code',
      code: 'k',
      redirect_uri: 'http://h/app/',
      client_id: 'hub-ui',
      code_verifier: 'v1',
      resource: 'https://hub.example/api',
    });
    expect(storage.getItem(TOKEN_KEY)).toBe('a.b.c');
    // The pending flow is spent: the same answer again is refused.
    await expect(
      completeSignIn(CONFIG, { code: 'k', state: 's1' }, storage, fetchFn),
    ).rejects.toThrow('not for this tab');
  });

  it('never trades a code another issuer answered (RFC 9207 mix-up)', async () => {
    const storage = new MemoryStorage();
    const pending = { state: 's', verifier: 'v', redirectUri: 'r', route: '' };
    storage.setItem(PENDING_KEY, JSON.stringify(pending));
    let asked = 0;
    const fetchFn = (async () => (asked++, json(DISCOVERY))) as unknown as typeof fetch;
    await expect(
      completeSignIn(
        CONFIG,
        { code: 'k', state: 's', iss: 'https://evil.example' },
        storage,
        fetchFn,
      ),
    ).rejects.toThrow('another provider');
    expect(asked).toBe(0);
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('says why the provider refused the code', async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      PENDING_KEY,
      JSON.stringify({ state: 's', verifier: 'v', redirectUri: 'r', route: '' }),
    );
    const fetchFn = (async (url: string) =>
      url.endsWith('openid-configuration')
        ? json(DISCOVERY)
        : json(
            { error: 'invalid_grant', error_description: 'PKCE verification failed' },
            400,
          )) as typeof fetch;
    await expect(
      completeSignIn(CONFIG, { code: 'k', state: 's' }, storage, fetchFn),
    ).rejects.toThrow('PKCE verification failed');
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
  });
});
