import { TermNoticeDays, dayTermEndsAt } from '@hub/domain/contracts/contract-term.events';
import { Timer } from '../schedule/timer';
import { Step } from './workflow';

const NOTICES: readonly TermNoticeDays[] = [30, 7, 1];

/**
 * The due times of a term that ends after its last day (a contract, a package): the 30/7/1-day
 * notices (those already past at `from`, when the term began, are skipped) and the end, the
 * midnight after its last day.
 */
export function dayTermTimers(
  from: string,
  lastDay: string,
  notice: (daysLeft: TermNoticeDays, at: string) => Timer,
  end: (at: string) => Timer,
): Step[] {
  const notices = NOTICES.filter(
    (days) => Date.parse(dayTermEndsAt(lastDay, days)) >= Date.parse(from),
  ).map((days): Step => ({ kind: 'schedule', timer: notice(days, dayTermEndsAt(lastDay, days)) }));
  return [...notices, { kind: 'schedule', timer: end(dayTermEndsAt(lastDay)) }];
}
