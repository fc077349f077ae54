import { scrypt, timingSafeEqual } from 'node:crypto';

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
 * the 10 minutes the code is valid; scrypt makes that take hours. It runs on libuv's thread
 * pool (the callback form): about 50 ms of CPU each, on the event loop it stalled every
 * other request while an agent issued or confirmed a code.
 */
export function hashCode(code: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(code, salt, 32, (error, key) => (error ? reject(error) : resolve(key.toString('hex')))),
  );
}

/** Whether two hex hashes are the same (constant-time comparison). */
export function sameHash(candidate: string, stored: string): boolean {
  const expected = Buffer.from(stored, 'hex');
  const actual = Buffer.from(candidate, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
