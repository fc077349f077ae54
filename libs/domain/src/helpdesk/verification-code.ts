import { scryptSync, timingSafeEqual } from 'node:crypto';

/** Codes have six digits (domain.md §7). */
export const CODE_DIGITS = 6;

/**
 * A fresh six-digit code from a uniform random source; the handler passes
 * `crypto.randomInt` so the domain stays deterministic under test.
 */
export function generateCode(randomInt: (min: number, max: number) => number): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/**
 * The salted hash the hub stores instead of the code. scrypt, not a fast hash: there are
 * only a million codes, so a fast hash read from the event log could be reversed within
 * the 10 minutes the code is valid; scrypt makes that take hours.
 */
export function hashCode(code: string, salt: string): string {
  return scryptSync(code, salt, 32).toString('hex');
}

/** Whether the candidate is the code that was hashed (constant-time comparison). */
export function verifyCode(candidate: string, salt: string, hash: string): boolean {
  const expected = Buffer.from(hash, 'hex');
  const actual = Buffer.from(hashCode(candidate, salt), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
