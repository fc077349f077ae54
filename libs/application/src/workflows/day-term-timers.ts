import { TermNoticeDays, dayTermEndsAt } from '@hub/domain/contracts/contract-term.events';
import { TIMER_DECIDERS, TimerDecider, timer } from '../schedule/timer';
import { Step } from './workflow';

const NOTICES: readonly TermNoticeDays[] = [30, 7, 1];

/** A command `decider` takes from the clock. */
type ClockCommandOf<D extends TimerDecider> = Parameters<
  (typeof TIMER_DECIDERS)[D]['decide']
>[0] & {
  at: string;
};

/**
 * A term that ends after its last day (a contract, a package) as the schedule sees it: the
 * decider its commands go to, on `stream`; `owner` groups its timers (a later fact cancels them
 * together); `from` is when the term began, `lastDay` its last active day.
 */
export interface DayTerm<D extends TimerDecider> {
  decider: D;
  owner: string;
  stream: string;
  from: string;
  lastDay: string;
}

/**
 * The timers of a day term: the 30/7/1-day notices (those already past at `from` are skipped)
 * and the end, the midnight after its last day; each keyed by its owner and slot, so deriving
 * them again overwrites instead of adding.
 */
export function dayTermTimers<D extends TimerDecider>(
  term: DayTerm<D>,
  notice: (daysLeft: TermNoticeDays, at: string) => ClockCommandOf<D>,
  end: (at: string) => ClockCommandOf<D>,
): Step[] {
  const { decider, owner, stream, lastDay } = term;
  const schedule = (slot: string, command: ClockCommandOf<D>): Step => ({
    kind: 'schedule',
    timer: timer(decider, { key: `${owner}:${slot}`, owner, stream, command }),
  });
  const notices = NOTICES.filter(
    (days) => Date.parse(dayTermEndsAt(lastDay, days)) >= Date.parse(term.from),
  ).map((days) => schedule(String(days), notice(days, dayTermEndsAt(lastDay, days))));
  return [...notices, schedule('end', end(dayTermEndsAt(lastDay)))];
}
