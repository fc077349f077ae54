import { DomainEvent, PartnerId, UserId } from '../shared';

/**
 * A Help Desk agent sent a code to the user's e-mail. Only its salted hash is here: the
 * code itself leaves the hub only in the outbound notification (api.md). Schema version 2
 * added `maxWrongTries`; version 1 events read with the rule they were issued under (5).
 */
export type VerificationCodeIssued = DomainEvent<
  'VerificationCodeIssued',
  {
    userId: UserId;
    email: string;
    partnerId: PartnerId;
    issuedBy: UserId;
    salt: string;
    codeHash: string;
    issuedAt: string;
    /** issuedAt + 10 minutes. */
    expiresAt: string;
    /** The wrong try that locks this code: the rule as it stood when the code was sent. */
    maxWrongTries: number;
  }
>;

/** A wrong code was read back; the fifth one locks the code. */
export type VerificationCodeAttemptFailed = DomainEvent<
  'VerificationCodeAttemptFailed',
  { userId: UserId; attempt: number; attemptsLeft: number; locked: boolean; failedAt: string }
>;

/** The user read back the right code in time: the agent knows whom they are helping. */
export type VerificationCodeConfirmed = DomainEvent<
  'VerificationCodeConfirmed',
  { userId: UserId; confirmedBy: UserId; confirmedAt: string }
>;

/** The code reached its 10 minutes unused (recorded by the hub's clock). */
export type VerificationCodeExpired = DomainEvent<
  'VerificationCodeExpired',
  { userId: UserId; expiresAt: string; expiredAt: string }
>;

/** Every fact a user's verification stream holds. */
export type VerificationEvent =
  | VerificationCodeIssued
  | VerificationCodeAttemptFailed
  | VerificationCodeConfirmed
  | VerificationCodeExpired;
