import { PartnerId, UserId } from '@hub/domain';
import {
  VerificationCodeAttemptFailed,
  VerificationCodeConfirmed,
  VerificationCodeIssued,
} from '@hub/domain/helpdesk/verification.events';
import { clockAt, on, onTheClock } from '@hub/testing/clock-given-when-then';
import { verificationCodeTerms } from './verification-code-terms.workflow';

// Row "a verification code reaches 10 minutes unused" (domain.md §9): nobody is told.
const userId = 'u-1' as UserId;
const stream = 'verification-u-1';
const issued = (issuedAt: string, expiresAt: string) =>
  on(stream, {
    type: 'VerificationCodeIssued',
    data: {
      userId,
      email: 'user@contoso.example',
      partnerId: 'p-1' as PartnerId,
      issuedBy: 'agent-1' as UserId,
      salt: 'salt',
      codeHash: 'a'.repeat(64),
      issuedAt,
      expiresAt,
      maxWrongTries: 5,
    },
  } as VerificationCodeIssued);
const first = issued('2026-03-02T10:00:00.000Z', '2026-03-02T10:10:00.000Z');
const expired = (expiresAt: string) => ({
  type: 'VerificationCodeExpired',
  data: { userId, expiresAt, expiredAt: expiresAt },
});
const clock = onTheClock([verificationCodeTerms]);

describe('on the clock: a verification code', () => {
  it('expires at its 10 minutes and not before, once, telling nobody', async () => {
    await clock.given(first).when(clockAt('2026-03-02T10:09:59.999Z')).thenRecords([]);
    const outcome = await clock
      .given(first)
      .when(clockAt('2026-03-02T10:10:00.000Z'), clockAt('2026-03-02T12:00:00.000Z'))
      .thenRecords([expired('2026-03-02T10:10:00.000Z')]);
    expect(outcome.notified).toEqual([]);
  });

  it('using it, or locking it, cancels the expiry', async () => {
    const confirmed = on(stream, {
      type: 'VerificationCodeConfirmed',
      data: { userId, confirmedBy: 'agent-1' as UserId, confirmedAt: '2026-03-02T10:05:00.000Z' },
    } as VerificationCodeConfirmed);
    await clock.given(first, confirmed).when(clockAt('2026-03-02T12:00:00.000Z')).thenRecords([]);
    const locked = on(stream, {
      type: 'VerificationCodeAttemptFailed',
      data: {
        userId,
        attempt: 5,
        attemptsLeft: 0,
        locked: true,
        failedAt: '2026-03-02T10:05:00.000Z',
      },
    } as VerificationCodeAttemptFailed);
    await clock.given(first, locked).when(clockAt('2026-03-02T12:00:00.000Z')).thenRecords([]);
  });

  it('a newer code replaces the pending one: only the newer one expires', async () => {
    const second = issued('2026-03-02T10:05:00.000Z', '2026-03-02T10:15:00.000Z');
    await clock
      .given(first, second)
      .when(clockAt('2026-03-02T12:00:00.000Z'))
      .thenRecords([expired('2026-03-02T10:15:00.000Z')]);
  });
});
