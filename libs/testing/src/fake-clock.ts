import { Clock } from '@hub/domain';

/**
 * A clock tests set and move: time passes only when the test says so, so a spec proves
 * "fires at the due time and not before" without sleeping.
 */
export class FakeClock implements Clock {
  private instant: number;

  constructor(start: string | Date = '2026-03-02T09:00:00.000Z') {
    this.instant = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.instant);
  }

  /** Jumps to an instant (backwards too: a wall-clock jump). */
  set(instant: string | Date): void {
    this.instant = new Date(instant).getTime();
  }

  /** Moves forward by milliseconds, or by `{ days, hours, minutes, seconds }`. */
  advance(
    by: number | { days?: number; hours?: number; minutes?: number; seconds?: number },
  ): void {
    const ms =
      typeof by === 'number'
        ? by
        : (((by.days ?? 0) * 24 + (by.hours ?? 0)) * 60 + (by.minutes ?? 0)) * 60_000 +
          (by.seconds ?? 0) * 1000;
    this.instant += ms;
  }
}
