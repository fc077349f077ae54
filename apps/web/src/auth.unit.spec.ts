import { TOKEN_KEY, adoptToken, isExpired, readClaims, tokenFromFragment } from './auth';

const jwt = (payload: object) =>
  ['e30', Buffer.from(JSON.stringify(payload)).toString('base64url'), 'sig'].join('.');

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('sign-in by fragment', () => {
  it('reads the token from #token= and from a page route with &token=', () => {
    expect(tokenFromFragment('#token=abc.def.ghi')).toBe('abc.def.ghi');
    expect(tokenFromFragment('#/cases&token=abc.def.ghi')).toBe('abc.def.ghi');
    expect(tokenFromFragment('#/cases')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
  });

  it('moves the token into sessionStorage and clears it from the address, keeping the page', () => {
    const storage = new MemoryStorage();
    const urls: string[] = [];
    const token = adoptToken(
      { hash: '#/cases&token=t.o.k', pathname: '/app/', search: '' },
      storage,
      (url) => urls.push(url),
    );
    expect(token).toBe('t.o.k');
    expect(storage.items.get(TOKEN_KEY)).toBe('t.o.k');
    expect(urls).toEqual(['/app/#/cases']);
    expect(
      adoptToken({ hash: '', pathname: '/app/', search: '' }, storage, (u) => urls.push(u)),
    ).toBe('t.o.k');
    expect(urls).toHaveLength(1);
  });

  it('reads claims (UTF-8 names included) and expiry; refuses what is not a JWT', () => {
    const claims = readClaims(jwt({ sub: 'u1', name: 'Zoé', roles: ['Auditor'], exp: 100 }));
    expect(claims).toEqual({ sub: 'u1', name: 'Zoé', roles: ['Auditor'], exp: 100 });
    expect(isExpired(claims!, new Date(99_000))).toBe(false);
    expect(isExpired(claims!, new Date(100_000))).toBe(true);
    expect(readClaims('not-a-token')).toBeNull();
    expect(readClaims(jwt({ name: 'no subject' }))).toBeNull();
    expect(readClaims(jwt({ sub: 'u2' }))?.roles).toEqual([]);
  });
});
