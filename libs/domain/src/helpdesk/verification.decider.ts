import { Decider, DomainError, NotFoundError, RateLimitedError, UserId, refuse } from '../shared';
import { addMinutes, epochOf, isBefore } from '../gdap/instants';
import { requireAgentOfManaged } from './helpdesk-agent';
import { ExpireVerificationCode, VerificationCommand } from './verification.commands';
import { VerificationEvent } from './verification.events';
import { sameHash } from './verification-code';

/**
 * One stream per user, not per partner: a user has at most one pending code whoever sent
 * it, the wrong-try count belongs to that code, and a partner-wide stream would make all
 * its agents contend for one revision and grow without bound.
 */
export function verificationStream(userId: UserId): string {
  return `verification-${userId}`;
}

/** A code is valid 10 minutes (domain.md §7). */
export const CODE_VALID_MINUTES = 10;
/** The fifth wrong try locks the code (domain.md §7). */
export const MAX_WRONG_TRIES = 5;

/** At most this many codes per user in an hour (domain.md §7). */
export const MAX_CODES_PER_USER_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

/** How many of these instants lie within the hour before `at`. */
export function issuedWithinHour(instants: readonly string[], at: string): number {
  const since = epochOf(at) - HOUR_MS;
  return instants.filter((instant) => epochOf(instant) > since).length;
}

/** 429 `verification_code_rate_limited`: the cap that was reached and when to try again. */
export function rateLimited(limit: string, max: number, instants: readonly string[], at: string) {
  const recent = instants.filter((instant) => epochOf(instant) > epochOf(at) - HOUR_MS);
  const retryAt = new Date(epochOf(recent[0] ?? at) + HOUR_MS).toISOString();
  return new RateLimitedError(
    'verification_code_rate_limited',
    `At most ${max} codes ${limit} an hour; try again after ${retryAt}.`,
    { limit, max, retryAt },
  );
}

/** The latest code sent to the user: a new one replaces a pending one. */
export interface VerificationState {
  /** When the latest codes were issued (the last MAX_CODES_PER_USER_PER_HOUR). */
  issuedAt?: string[];
  code?: {
    salt: string;
    codeHash: string;
    expiresAt: string;
    failures: number;
    maxWrongTries: number;
    confirmed: boolean;
    /** The clock recorded it expired unused. */
    expired?: boolean;
  };
}

/**
 * The hub's clock: the code expires once, at its 10 minutes and not before, unless it was used,
 * locked or replaced by a newer code first (those make it moot).
 */
function decideExpiry(
  command: ExpireVerificationCode,
  state: VerificationState,
): VerificationEvent[] {
  const code = state.code;
  if (!code || code.expiresAt !== command.expiresAt || code.confirmed || code.expired) return [];
  if (code.failures >= code.maxWrongTries || isBefore(command.at, code.expiresAt)) return [];
  const { userId, expiresAt, at } = command;
  return [{ type: 'VerificationCodeExpired', data: { userId, expiresAt, expiredAt: at } }];
}

function decide(command: VerificationCommand, state: VerificationState): VerificationEvent[] {
  if (command.type === 'ExpireVerificationCode') return decideExpiry(command, state);
  requireAgentOfManaged(command);
  const { userId, at } = command;
  if (command.type === 'IssueVerificationCode') {
    const { email, partnerId, salt, codeHash } = command;
    const recent = state.issuedAt ?? [];
    if (issuedWithinHour(recent, at) >= MAX_CODES_PER_USER_PER_HOUR)
      throw rateLimited('per user', MAX_CODES_PER_USER_PER_HOUR, recent, at);
    if (!salt || !/^[0-9a-f]{64}$/.test(codeHash)) {
      refuse('verification_code_malformed', 'A code is stored as a salted 32-byte scrypt hash.');
    }
    return [
      {
        type: 'VerificationCodeIssued',
        data: {
          userId,
          email,
          partnerId,
          issuedBy: command.by.userId,
          salt,
          codeHash,
          issuedAt: at,
          expiresAt: addMinutes(at, CODE_VALID_MINUTES),
          maxWrongTries: MAX_WRONG_TRIES,
        },
      },
    ];
  }
  const code = state.code;
  if (!code) {
    throw new NotFoundError(
      'No code was sent to this user.',
      { userId },
      'verification_code_not_found',
    );
  }
  if (code.confirmed)
    refuse('verification_code_used', 'This code was already used; send a new one.');
  if (code.failures >= code.maxWrongTries) {
    refuse('verification_code_locked', 'Too many wrong tries; send a new code.');
  }
  if (!isBefore(at, code.expiresAt)) {
    refuse('verification_code_expired', 'This code has expired; send a new one.', {
      expiresAt: code.expiresAt,
    });
  }
  if (!sameHash(command.candidateHash ?? '', code.codeHash)) {
    // A wrong try is a fact worth keeping (it counts toward the lock) even though the
    // command is refused: the handler appends this event, then throws verificationRefusal().
    const attempt = code.failures + 1;
    const attemptsLeft = code.maxWrongTries - attempt;
    return [
      {
        type: 'VerificationCodeAttemptFailed',
        data: { userId, attempt, attemptsLeft, locked: attemptsLeft === 0, failedAt: at },
      },
    ];
  }
  return [
    {
      type: 'VerificationCodeConfirmed',
      data: { userId, confirmedBy: command.by.userId, confirmedAt: at },
    },
  ];
}

function evolve(state: VerificationState, event: VerificationEvent): VerificationState {
  switch (event.type) {
    case 'VerificationCodeIssued': {
      const { salt, codeHash, expiresAt, issuedAt, maxWrongTries } = event.data;
      return {
        issuedAt: [...(state.issuedAt ?? []), issuedAt].slice(-MAX_CODES_PER_USER_PER_HOUR),
        code: { salt, codeHash, expiresAt, maxWrongTries, failures: 0, confirmed: false },
      };
    }
    case 'VerificationCodeAttemptFailed':
      return state.code
        ? { ...state, code: { ...state.code, failures: event.data.attempt } }
        : state;
    case 'VerificationCodeConfirmed':
      return state.code ? { ...state, code: { ...state.code, confirmed: true } } : state;
    case 'VerificationCodeExpired':
      return state.code ? { ...state, code: { ...state.code, expired: true } } : state;
  }
}

/** A user's verification codes: issue, confirm, count wrong tries (domain.md §7). */
export const verificationDecider: Decider<
  VerificationCommand,
  VerificationEvent,
  VerificationState
> = {
  initialState: {},
  evolve,
  decide,
};

/**
 * The refusal a handler answers after appending what decide returned: 409
 * `verification_code_invalid` for a wrong try (details say how many are left and whether
 * the code is now locked), nothing when the code was confirmed or issued.
 */
export function verificationRefusal(events: readonly VerificationEvent[]): DomainError | undefined {
  const failed = events.find((event) => event.type === 'VerificationCodeAttemptFailed');
  if (!failed) return undefined;
  const { attemptsLeft, locked } = failed.data;
  return new DomainError('verification_code_invalid', 'The code does not match.', {
    attemptsLeft,
    locked,
  });
}
