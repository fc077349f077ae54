import { given } from '@hub/testing';
import { Caller, PartnerId, UserId } from '../shared';
import { ConfirmVerificationCode, IssueVerificationCode } from './verification.commands';
import {
  verificationDecider as decider,
  verificationRefusal,
  verificationStream,
} from './verification.decider';
import { VerificationEvent } from './verification.events';
import { generateCode, hashCode, verifyCode } from './verification-code';

const userId = 'u-1' as UserId;
const partnerId = 'p-1' as PartnerId;
const agent: Caller = { userId: 'u-agent' as UserId, providerRoles: [] };
const at = '2025-03-03T10:00:00.000Z';
const salt = 'c2FsdC0x';
const codeHash = hashCode('042917', salt);
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
  code: '042917',
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

  it('generates six digits, hashes with a salt and verifies', () => {
    expect(generateCode(() => 42)).toBe('000042');
    expect(generateCode((min, max) => max - 1)).toBe('999999');
    expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode('042917', 'other-salt')).not.toBe(codeHash);
    expect(verifyCode('042917', salt, codeHash)).toBe(true);
    expect(verifyCode('042918', salt, codeHash)).toBe(false);
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
      const newer = { ...issued, data: { ...issued.data, codeHash: hashCode('111111', salt) } };
      given(decider, [issued, newer])
        .when(confirm)
        .thenEvents((events) => expect(events).toEqual([failed(1)]));
      given(decider, [issued, newer])
        .when({ ...confirm, code: '111111' })
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
        .when({ ...confirm, code: '000000' })
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
        .when({ ...confirm, code: '000000' })
        .then([failed(5)]);
      expect(verificationRefusal(events)?.details).toEqual({ attemptsLeft: 0, locked: true });
      given(decider, [issued, ...four, failed(5)])
        .when(confirm)
        .thenFails('verification_code_locked');
    });

    it('a code keeps the lock rule it was issued under (maxWrongTries, schema v2)', () => {
      const strict = { ...issued, data: { ...issued.data, maxWrongTries: 2 } } as VerificationEvent;
      const events = given(decider, [strict, failed(1)])
        .when({ ...confirm, code: '000000' })
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
});
