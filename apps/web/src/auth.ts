// Sign-in: a bearer token arrives in the fragment (`/app/#token=<JWT>`, never sent to the
// server), is kept in sessionStorage for the tab's life, and the fragment is cleared.

export const TOKEN_KEY = 'hub.token';

export interface Claims {
  sub: string;
  email?: string;
  name?: string;
  org?: string;
  orgKind?: 'customer' | 'partner' | 'provider';
  roles: string[];
  exp?: number;
}

/** The token named in a fragment such as `#token=abc` or `#/cases&token=abc`, if any. */
export function tokenFromFragment(hash: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part.startsWith('token=')) {
      const token = decodeURIComponent(part.slice('token='.length)).trim();
      return token || null;
    }
  }
  return null;
}

/**
 * The token's claims, read (not verified: the hub verifies every call) to decide what to
 * offer. Null for anything that is not a three-part JWT with a JSON payload.
 */
export function readClaims(token: string): Claims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const json = decodeURIComponent(
      Array.from(atob(padded), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const payload = JSON.parse(json) as Partial<Claims>;
    if (typeof payload.sub !== 'string') return null;
    return {
      ...payload,
      sub: payload.sub,
      roles: Array.isArray(payload.roles) ? payload.roles : [],
    };
  } catch {
    return null;
  }
}

export function isExpired(claims: Claims, now: Date): boolean {
  return typeof claims.exp === 'number' && claims.exp * 1000 <= now.getTime();
}

/** Takes the token out of the fragment into storage; answers the token in force, if any. */
export function adoptToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  replaceUrl: (url: string) => void,
): string | null {
  const fromFragment = tokenFromFragment(location.hash);
  if (fromFragment) {
    storage.setItem(TOKEN_KEY, fromFragment);
    // `#/cases&token=…` signs in on that page; a bare `#token=…` on Customer Activity.
    const route = /^#\/[a-z-]+/.exec(location.hash)?.[0] ?? '#/activity';
    replaceUrl(`${location.pathname}${location.search}${route}`);
    return fromFragment;
  }
  return storage.getItem(TOKEN_KEY);
}
