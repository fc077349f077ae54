import { generateKeyPairSync, createSign } from 'node:crypto';
import { TokenVerifier } from '@hub/access';
import { TestOpenIdProvider, freePort, signingKey } from '@hub/access/testing/openid-provider';
import { loadConfig } from '@hub/runtime/config/hub-config';
import { TestHub } from '../test-hub';

const AUDIENCE = 'https://hub.example/api';
const CLIENTS = {
  'csam-app': {
    secret: 'csam-app-secret-csam-app-secret-0123456789',
    claims: { roles: ['CSAM'], orgKind: 'provider', email: 'csam@provider.example' },
  },
  'lying-app': {
    secret: 'lying-app-secret-lying-app-secret-0123456789',
    claims: { roles: ['CSAM'], orgKind: 'customer' },
  },
};

function base64url(value: object | Buffer): string {
  const buffer = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value));
  return buffer.toString('base64url');
}

describe('RS256 sign-in through a real OpenID provider (api.md "Auth, production")', () => {
  const keyA = signingKey('key-a');
  const keyB = signingKey('key-b');
  let port: number;
  let provider: TestOpenIdProvider;
  let hub: TestHub;

  beforeAll(async () => {
    port = await freePort();
    provider = await TestOpenIdProvider.start({
      port,
      keys: [keyA],
      audience: AUDIENCE,
      clients: CLIENTS,
    });
    hub = await TestHub.start({
      HUB_JWKS_URL: provider.jwksUrl,
      HUB_JWT_ISSUER: provider.issuer,
      HUB_JWT_AUDIENCE: AUDIENCE,
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await provider?.stop();
  });

  it("accepts the provider's RS256 access token and applies the claim rules to it", async () => {
    const token = await provider.accessToken('csam-app', AUDIENCE);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({
      alg: 'RS256',
      kid: 'key-a',
    });
    const answer = await hub.call('GET', '/v1/workspaces', { token });
    expect(answer.status).toBe(200);
    const lying = await provider.accessToken('lying-app', AUDIENCE);
    expect((await hub.call('GET', '/v1/workspaces', { token: lying })).status).toBe(401);
    // HS256 tokens with the hub's own secret still work beside it.
    const local = hub.token({ sub: 'csam-1', roles: ['CSAM'], orgKind: 'provider' });
    expect((await hub.call('GET', '/v1/workspaces', { token: local })).status).toBe(200);
  });

  it('refuses an RS256 token signed with a key not in the JWKS, or for another audience', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: 'RS256', kid: 'key-a', typ: 'JWT' })}.${base64url({
      iss: provider.issuer,
      aud: AUDIENCE,
      sub: 'forger',
      iat: now,
      exp: now + 600,
      roles: ['CSAM'],
      orgKind: 'provider',
    })}`;
    const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey);
    const forged = `${unsigned}.${base64url(signature)}`;
    expect((await hub.call('GET', '/v1/workspaces', { token: forged })).status).toBe(401);
    const other = new TokenVerifier('s'.repeat(32), {
      jwksUrl: provider.jwksUrl,
      issuer: provider.issuer,
      audience: 'https://someone-else.example',
    });
    await expect(other.verify(await provider.accessToken('csam-app', AUDIENCE))).rejects.toThrow(
      /aud/,
    );
  });

  it("follows the provider's key rotation: a token of the new key verifies, the old key's too", async () => {
    const verifier = new TokenVerifier('s'.repeat(32), {
      jwksUrl: provider.jwksUrl,
      issuer: provider.issuer,
      audience: AUDIENCE,
      refetchCooldownMs: 0,
    });
    const before = await provider.accessToken('csam-app', AUDIENCE);
    expect((await verifier.verify(before)).roles).toEqual(['CSAM']);
    await provider.stop();
    // The provider rotates: key B signs from now on, key A stays published for its tokens.
    provider = await TestOpenIdProvider.start({
      port,
      keys: [keyB, keyA],
      audience: AUDIENCE,
      clients: CLIENTS,
    });
    const after = await provider.accessToken('csam-app', AUDIENCE);
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).kid).toBe('key-b');
    expect((await verifier.verify(after)).userId).toBe('csam-app');
    expect((await verifier.verify(before)).userId).toBe('csam-app');
  });

  it('refuses at boot an incomplete or non-https OpenID configuration, naming the variable', () => {
    expect(() =>
      loadConfig({
        DATA_DIR: '/tmp/x',
        HUB_JWT_SECRET: 's'.repeat(32),
        HUB_JWKS_URL: 'https://idp.example/jwks',
      }),
    ).toThrow(/HUB_JWT_ISSUER/);
    expect(() =>
      loadConfig({
        DATA_DIR: '/tmp/x',
        HUB_JWT_SECRET: 's'.repeat(32),
        HUB_JWKS_URL: 'http://idp.example/jwks',
        HUB_JWT_ISSUER: 'https://idp.example',
        HUB_JWT_AUDIENCE: AUDIENCE,
      }),
    ).toThrow(/HUB_JWKS_URL/);
    // The UI's client id means nothing without the provider it signs in at.
    expect(() =>
      loadConfig({ DATA_DIR: '/tmp/x', HUB_JWT_SECRET: 's'.repeat(32), HUB_OIDC_CLIENT_ID: 'ui' }),
    ).toThrow(/HUB_OIDC_CLIENT_ID/);
  });

  it('publishes no provider sign-in for the UI without HUB_OIDC_CLIENT_ID', async () => {
    const answer = await hub.call('GET', '/v1/sign-in');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ openId: null });
  });
});
