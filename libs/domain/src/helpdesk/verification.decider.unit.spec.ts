import { given } from '@hub/testing';
import { Caller, PartnerId, UserId } from '../shared';
import { ConfirmVerificationCode, IssueVerificationCode } from './verification.commands';
import {
  verificationDecider as decider,
  verificationRefusal,
  verificationStream,
} from './verification.decider';
import { VerificationEvent } from './verification.events';
import {
  CountVerificationCode,
  VerificationCodeCounted,
  verificationAgentDecider,
  verificationAgentStream,
} from './verification-agent.decider';
import { scryptSync } from 'node:crypto';
import { generateCode, hashCode, sameHash } from './verification-code';

const userId = 'u-1' as UserId;
const partnerId = 'p-1' as PartnerId;
const agent: Caller = { userId: 'u-agent' as UserId, providerRoles: [] };
const at = '2025-03-03T10:00:00.000Z';
const salt = 'c2FsdC0x';
/** The hash the handler computes (synchronously here: fixtures are built at load). */
const hashOf = (code: string) => scryptSync(code, salt, 32).toString('hex');
const codeHash = hashOf('042917');
const flags = { isAgent: true, managed: true };

const issue: IssueVerificationCode = {
  type: 'IssueVerificationCode',
  userId,
  email: 'ann@contoso.example',
  partnerId,
  salt,
  codeHash,
  at,
  by: agent,
  ...flags,
};
const issued: VerificationEvent = {
  type: 'VerificationCodeIssued',
  data: {
    userId,
    email: 'ann@contoso.example',
    partnerId,
    issuedBy: agent.userId,
    salt,
    codeHash,
    issuedAt: at,
    expiresAt: '2025-03-03T10:10:00.000Z',
    maxWrongTries: 5,
  },
};
const confirm: ConfirmVerificationCode = {
  type: 'ConfirmVerificationCode',
  userId,
  candidateHash: hashOf('042917'),
  at: '2025-03-03T10:05:00.000Z',
  by: agent,
  ...flags,
};
const failed = (attempt: number): VerificationEvent => ({
  type: 'VerificationCodeAttemptFailed',
  data: { userId, attempt, attemptsLeft: 5 - attempt, locked: attempt === 5, failedAt: confirm.at },
});
const confirmed: VerificationEvent = {
  type: 'VerificationCodeConfirmed',
  data: { userId, confirmedBy: agent.userId, confirmedAt: confirm.at },
};

describe('verification codes', () => {
  it('names its stream per user', () => {
    expect(verificationStream(userId)).toBe('verification-u-1');
  });

  it('generates six digits, hashes with a salt and verifies', async () => {
    expect(generateCode(() => 42)).toBe('000042');
    expect(generateCode((min, max) => max - 1)).toBe('999999');
    expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashCode('042917', salt)).toBe(codeHash);
    expect(await hashCode('042917', 'other-salt')).not.toBe(codeHash);
    expect(sameHash(await hashCode('042917', salt), codeHash)).toBe(true);
    expect(sameHash(await hashCode('042918', salt), codeHash)).toBe(false);
  });

  describe('IssueVerificationCode', () => {
    it('records the hash, never the code, valid 10 minutes', () => {
      const [event] = given(decider).when(issue).then([issued]);
      expect(JSON.stringify(event)).not.toContain('042917');
    });

    it('refuses a non-agent (403) and a user the partner does not manage (404)', () => {
      given(decider)
        .when({ ...issue, isAgent: false })
        .thenFails('helpdesk_agent_required');
      given(decider)
        .when({ ...issue, managed: false })
        .thenFails('not_found');
    });

    it('replaces a pending code: the old one no longer confirms', () => {
      const newer = { ...issued, data: { ...issued.data, codeHash: hashOf('111111') } };
      given(decider, [issued, newer])
        .when(confirm)
        .thenEvents((events) => expect(events).toEqual([failed(1)]));
      given(decider, [issued, newer])
        .when({ ...confirm, candidateHash: hashOf('111111') })
        .then([confirmed]);
    });
  });

  describe('ConfirmVerificationCode', () => {
    it('confirms the right code in time', () => {
      given(decider, [issued]).when(confirm).then([confirmed]);
    });

    it('verification_code_not_found without a code', () => {
      given(decider).when(confirm).thenFails('verification_code_not_found');
    });

    it('verification_code_used once confirmed', () => {
      given(decider, [issued, confirmed]).when(confirm).thenFails('verification_code_used');
    });

    it('verification_code_expired at 10 minutes', () => {
      given(decider, [issued])
        .when({ ...confirm, at: '2025-03-03T10:10:00.000Z' })
        .thenFails('verification_code_expired');
    });

    it('a wrong try is recorded and answered verification_code_invalid', () => {
      const events = given(decider, [issued])
        .when({ ...confirm, candidateHash: hashOf('000000') })
        .then([failed(1)]);
      const refusal = verificationRefusal(events);
      expect(refusal).toMatchObject({
        status: 409,
        code: 'verification_code_invalid',
        details: { attemptsLeft: 4, locked: false },
      });
      expect(verificationRefusal([confirmed])).toBeUndefined();
    });

    it('the fifth wrong try locks the code: verification_code_locked even for the right one', () => {
      const four = [1, 2, 3, 4].map(failed);
      const events = given(decider, [issued, ...four])
        .when({ ...confirm, candidateHash: hashOf('000000') })
        .then([failed(5)]);
      expect(verificationRefusal(events)?.details).toEqual({ attemptsLeft: 0, locked: true });
      given(decider, [issued, ...four, failed(5)])
        .when(confirm)
        .thenFails('verification_code_locked');
    });

    it('a code keeps the lock rule it was issued under (maxWrongTries, schema v2)', () => {
      const strict = { ...issued, data: { ...issued.data, maxWrongTries: 2 } } as VerificationEvent;
      const events = given(decider, [strict, failed(1)])
        .when({ ...confirm, candidateHash: hashOf('000000') })
        .then([
          {
            type: 'VerificationCodeAttemptFailed',
            data: { userId, attempt: 2, attemptsLeft: 0, locked: true, failedAt: confirm.at },
          },
        ]);
      expect(verificationRefusal(events)?.details).toEqual({ attemptsLeft: 0, locked: true });
    });

    it('refuses a non-agent', () => {
      given(decider, [issued])
        .when({ ...confirm, isAgent: false })
        .thenFails('helpdesk_agent_required');
    });
  });

  describe('issue caps (domain.md §7)', () => {
    const issuedAt = (minute: number): VerificationEvent => {
      const instant = new Date(Date.parse(at) + minute * 60_000).toISOString();
      return { ...issued, data: { ...issued.data, issuedAt: instant } } as VerificationEvent;
    };

    it('refuses a sixth code to one user within an hour: 429 verification_code_rate_limited', () => {
      const five = [0, 10, 20, 30, 40].map(issuedAt);
      const late = new Date(Date.parse(at) + 50 * 60_000).toISOString();
      given(decider, five)
        .when({ ...issue, at: late })
        .thenFails('verification_code_rate_limited');
      try {
        decider.decide({ ...issue, at: late }, five.reduce(decider.evolve, decider.initialState));
      } catch (error) {
        expect(error).toMatchObject({ status: 429, details: { limit: 'per user', max: 5 } });
      }
      // An hour after the first, one more may go.
      const hourLater = new Date(Date.parse(at) + 60 * 60_000 + 1).toISOString();
      given(decider, five)
        .when({ ...issue, at: hourLater })
        .then([
          {
            ...issued,
            data: { ...issued.data, issuedAt: hourLater, expiresAt: expect.any(String) },
          },
        ]);
    });

    it('refuses a 51st code from one agent within an hour, whichever users', () => {
      const counted = (minute: number): VerificationCodeCounted => ({
        type: 'VerificationCodeCounted',
        data: {
          agentId: agent.userId,
          userId: `u-${minute}` as UserId,
          issuedAt: new Date(Date.parse(at) + minute * 60_000).toISOString(),
        },
      });
      const fifty = Array.from({ length: 50 }, (_, i) => counted(i));
      const count: CountVerificationCode = {
        type: 'CountVerificationCode',
        agentId: agent.userId,
        userId,
        at: new Date(Date.parse(at) + 55 * 60_000).toISOString(),
      };
      given(verificationAgentDecider, fifty)
        .when(count)
        .thenFails('verification_code_rate_limited');
      given(verificationAgentDecider, fifty.slice(1))
        .when(count)
        .thenEvents((events) => expect(events).toHaveLength(1));
      expect(verificationAgentStream(agent.userId)).toBe('verification-agent-u-agent');
    });
  });

  it('hashes off the event loop: timers keep firing while codes are hashed', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, i) => hashCode(String(i), salt)));
    const elapsed = Date.now() - started;
    clearInterval(timer);
    // Synchronous hashing would let no timer fire until all eight were done.
    expect(ticks).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThan(0);
  });
});
