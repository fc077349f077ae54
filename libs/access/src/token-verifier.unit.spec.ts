import jwt from 'jsonwebtoken';
import * as token from './token';
import { TokenVerifier } from './token-verifier';

const SECRET = 'token-verifier-spec-secret-0123456789abcdef';
const START = Date.parse('2026-12-07T12:00:00Z');

describe('TokenVerifier: HS256 tokens seen before', () => {
  let now = START;
  const verifier = () => new TokenVerifier(SECRET, undefined, () => now);
  const csam = () =>
    token.mintToken({ sub: 'csam-1', roles: ['CSAM'], orgKind: 'provider' }, SECRET, 600);

  beforeEach(() => {
    now = START;
    jest.useFakeTimers({ now: START });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('checks a signature once per token, and answers the same user again', async () => {
    const tokens = verifier();
    const signature = jest.spyOn(jwt, 'verify');
    const sent = csam();
    const first = await tokens.verify(sent);
    const again = await tokens.verify(sent);
    expect(again).toEqual(first);
    expect(first.roles).toEqual(['CSAM']);
    expect(signature).toHaveBeenCalledTimes(1);
  });

  it('refuses a token it verified before once the clock passes its exp', async () => {
    const tokens = verifier();
    const sent = csam();
    await tokens.verify(sent);
    now += 600_000;
    await expect(tokens.verify(sent)).rejects.toThrow(/expired/);
  });

  it('refuses the same claims signed with another secret, after the genuine token was seen', async () => {
    const tokens = verifier();
    await tokens.verify(csam());
    const forged = token.mintToken(
      { sub: 'csam-1', roles: ['CSAM'], orgKind: 'provider' },
      'another-secret-another-secret-0123456789',
      600,
    );
    await expect(tokens.verify(forged)).rejects.toThrow(/invalid signature/);
  });

  it('does not remember a token the claim rules refused', async () => {
    const tokens = verifier();
    const signature = jest.spyOn(jwt, 'verify');
    const customerCsam = token.mintToken(
      { sub: 'c-1', roles: ['CSAM'], orgKind: 'customer' },
      SECRET,
      600,
    );
    await expect(tokens.verify(customerCsam)).rejects.toThrow(/provider/);
    await expect(tokens.verify(customerCsam)).rejects.toThrow(/provider/);
    expect(signature).toHaveBeenCalledTimes(2);
  });
});

describe('assertCurrent', () => {
  it('applies jwt.verify time checks: exp passed, nbf not reached', () => {
    expect(() => token.assertCurrent({ exp: 100 }, 100)).toThrow(/expired/);
    expect(() => token.assertCurrent({ exp: 101, nbf: 50 }, 100)).not.toThrow();
    expect(() => token.assertCurrent({ exp: 200, nbf: 101 }, 100)).toThrow(/not active/);
  });
});
