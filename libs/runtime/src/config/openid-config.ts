import { OpenIdSettings } from '@hub/access';
import { ConfigError } from './hub-config';

const NAMES = ['HUB_JWKS_URL', 'HUB_JWT_ISSUER', 'HUB_JWT_AUDIENCE'] as const;

/**
 * The OpenID provider whose RS256 tokens the hub accepts: all three of HUB_JWKS_URL,
 * HUB_JWT_ISSUER and HUB_JWT_AUDIENCE, or none (HS256 only). The key set is fetched over
 * https, or http to a loopback address (a provider on the same host, as in tests).
 * HUB_OIDC_CLIENT_ID (a public client registered at the provider for the UI, redirect URI
 * `<hub>/app/`) and HUB_OIDC_SCOPE (default `openid`) let the UI sign people in through the
 * provider's redirect flow; without a client id the UI offers pasting a token only.
 */
export function openIdSettings(
  env: Record<string, string | undefined>,
): OpenIdSettings | undefined {
  const [jwksUrl, issuer, audience] = NAMES.map((name) => env[name]?.trim() || undefined);
  if (!jwksUrl && !issuer && !audience) {
    if (env.HUB_OIDC_CLIENT_ID?.trim())
      throw new ConfigError(
        'HUB_OIDC_CLIENT_ID',
        'needs HUB_JWKS_URL, HUB_JWT_ISSUER and HUB_JWT_AUDIENCE',
      );
    return undefined;
  }
  NAMES.forEach((name, index) => {
    if (![jwksUrl, issuer, audience][index])
      throw new ConfigError(
        name,
        `is required with ${NAMES.filter((n) => n !== name).join(' and ')}`,
      );
  });
  let url: URL;
  try {
    url = new URL(jwksUrl!);
  } catch {
    throw new ConfigError('HUB_JWKS_URL', `must be a URL (got "${jwksUrl}")`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new ConfigError('HUB_JWKS_URL', 'must be an https URL (http only on a loopback address)');
  const clientId = env.HUB_OIDC_CLIENT_ID?.trim() || undefined;
  const scope = env.HUB_OIDC_SCOPE?.trim() || 'openid';
  if (/[^\x21\x23-\x5b\x5d-\x7e ]/.test(scope))
    throw new ConfigError('HUB_OIDC_SCOPE', 'must be space-separated scope tokens');
  return {
    jwksUrl: url.toString(),
    issuer: issuer!,
    audience: audience!,
    ...(clientId ? { signIn: { clientId, scope } } : {}),
  };
}
