import { userFromClaims } from './claims';
import { mintToken, verifyToken } from './token';

const NOW = 1_800_000_000;
const valid = { sub: 'u1', iat: NOW - 60, exp: NOW + 3600 };

function refusal(claims: Record<string, unknown>): string {
  try {
    userFromClaims(claims, NOW);
  } catch (error) {
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(claims)}`);
}

describe('token claim rules (api.md "Conventions")', () => {
  it('refuses provider roles outside a provider organisation (CSAM of a customer)', () => {
    for (const role of ['CSAM', 'AC', 'Operator', 'Service']) {
      expect(refusal({ ...valid, roles: [role], orgKind: 'customer' })).toContain('provider');
      expect(refusal({ ...valid, roles: [role], orgKind: 'partner' })).toContain('provider');
      expect(refusal({ ...valid, roles: [role] })).toContain('provider');
    }
    expect(userFromClaims({ ...valid, roles: ['CSAM'], orgKind: 'provider' }, NOW).roles).toEqual([
      'CSAM',
    ]);
  });

  it('refuses partner roles outside a partner organisation', () => {
    for (const role of ['AdminAgent', 'PartnerAdmin']) {
      expect(refusal({ ...valid, roles: [role], orgKind: 'customer' })).toContain('partner');
      expect(refusal({ ...valid, roles: [role], orgKind: 'provider' })).toContain('partner');
    }
    expect(
      userFromClaims({ ...valid, roles: ['AdminAgent'], orgKind: 'partner', org: 'p1' }, NOW),
    ).toMatchObject({ roles: ['AdminAgent'], orgKind: 'partner' });
  });

  it('takes an Auditor from the provider, or from a customer organisation it names', () => {
    expect(userFromClaims({ ...valid, roles: ['Auditor'], orgKind: 'provider' }, NOW).orgKind).toBe(
      'provider',
    );
    const customer = userFromClaims(
      { ...valid, roles: ['Auditor'], orgKind: 'customer', org: 'org-a' },
      NOW,
    );
    expect(customer).toMatchObject({ orgKind: 'customer', orgId: 'org-a' });
    refusal({ ...valid, roles: ['Auditor'], orgKind: 'customer' });
    refusal({ ...valid, roles: ['Auditor'], orgKind: 'partner', org: 'p1' });
  });

  it('takes accountType exactly work or personal (Personal is not a work account)', () => {
    for (const accountType of ['Personal', 'WORK', '', 'guest', 1]) {
      expect(refusal({ ...valid, accountType })).toContain('accountType');
    }
    expect(userFromClaims({ ...valid, accountType: 'personal' }, NOW).accountType).toBe('personal');
    expect(userFromClaims(valid, NOW).accountType).toBe('work');
  });

  it('refuses a token living more than 24 hours (exp in year 9999)', () => {
    expect(refusal({ ...valid, exp: 253402300799 })).toContain('24 hours');
    expect(refusal({ ...valid, iat: NOW - 10, exp: NOW - 10 + 86_401 })).toContain('24 hours');
    expect(userFromClaims({ ...valid, iat: NOW, exp: NOW + 86_400 }, NOW).userId).toBe('u1');
  });

  it('refuses a token issued in the future, by the injected clock', () => {
    expect(refusal({ ...valid, iat: NOW + 3600, exp: NOW + 7200 })).toContain('future');
    // The same token is fine once the clock has reached its iat.
    expect(userFromClaims({ sub: 'u1', iat: NOW + 3600, exp: NOW + 7200 }, NOW + 3600).userId).toBe(
      'u1',
    );
  });

  it('refuses a token without iat, exp or sub, and an unknown orgKind', () => {
    refusal({ sub: 'u1', exp: NOW + 60 });
    refusal({ sub: 'u1', iat: NOW });
    refusal({ iat: NOW, exp: NOW + 60 });
    refusal({ ...valid, orgKind: 'Provider' });
    refusal({ ...valid, roles: 'CSAM' });
  });

  it('applies the same rules to a signed HS256 token, at the clock it is given', () => {
    const secret = 'unit-secret-unit-secret-unit-secret-01';
    const token = mintToken({ sub: 'u1', roles: ['CSAM'], orgKind: 'customer' }, secret);
    expect(() => verifyToken(token, secret, Math.floor(Date.now() / 1000))).toThrow(/provider/);
    const fine = mintToken({ sub: 'u1', roles: ['CSAM'], orgKind: 'provider' }, secret, 60);
    const now = Math.floor(Date.now() / 1000);
    expect(verifyToken(fine, secret, now).roles).toEqual(['CSAM']);
    expect(() => verifyToken(fine, secret, now + 120)).toThrow(/expired/);
  });
});
