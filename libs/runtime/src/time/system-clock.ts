import { Clock } from '@hub/domain';

/** The machine's wall clock: the only place outside tests that reads the system time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
