import { refuse } from '../shared';

// ISO instants are compared as epoch milliseconds, never as strings: `…00Z` and `…00.000Z`
// name the same moment but do not sort the same. (Candidate for libs/domain/src/shared.)

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Epoch milliseconds of an ISO instant; an unreadable one is refused (`invalid_instant`). */
export function epochOf(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) refuse('invalid_instant', `Not an ISO instant: ${iso}`);
  return ms;
}

/** The ISO instant `minutes` after `iso`. */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(epochOf(iso) + minutes * MINUTE).toISOString();
}

/** The ISO instant `days` × 24 hours after `iso` (UTC: no daylight-saving shifts). */
export function addDays(iso: string, days: number): string {
  return new Date(epochOf(iso) + days * DAY).toISOString();
}

/** Whether instant `a` lies strictly before instant `b`. */
export function isBefore(a: string, b: string): boolean {
  return epochOf(a) < epochOf(b);
}
