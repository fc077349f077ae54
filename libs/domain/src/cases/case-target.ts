import { CaseTargetCommand, CaseTargetEvent, TargetPercent } from './case-target.events';
import { OpenedCase } from './case.state';

/**
 * The instant `percent` of a target running from `startedAt` to `dueAt` has elapsed (100: the
 * due time itself). Whole milliseconds, so the schedule and the decider agree to the instant.
 */
export function targetShareAt(startedAt: string, dueAt: string, percent: TargetPercent | 100) {
  const start = Date.parse(startedAt);
  const due = Date.parse(dueAt);
  return new Date(start + Math.floor(((due - start) * percent) / 100)).toISOString();
}

/** Whether instant `at` has reached `due` (compared as instants, never as strings). */
const reached = (at: string, due: string) => Date.parse(at) >= Date.parse(due);

/**
 * The hub's clock on a case: a warning or the breach is recorded once per target, only while
 * the case is open and unanswered, only once its time has come, and only for the target the
 * schedule derived it from (a severity change moved it: the old due time is moot).
 */
export function decideTarget(command: CaseTargetCommand, open: OpenedCase): CaseTargetEvent[] {
  const due = open.initialResponseDueAt;
  const moot =
    open.status === 'closed' ||
    open.respondedAt !== undefined ||
    Date.parse(command.initialResponseDueAt) !== Date.parse(due);
  if (moot) return [];
  const { caseId } = open;
  if (command.type === 'WarnCaseTarget') {
    const fired = open.target.warned.includes(command.percent) || open.target.breachedAt;
    if (fired || !reached(command.at, targetShareAt(open.target.startedAt, due, command.percent)))
      return [];
    const data = {
      caseId,
      percent: command.percent,
      initialResponseDueAt: due,
      warnedAt: command.at,
    };
    return [{ type: 'CaseTargetWarned', data }];
  }
  if (open.target.breachedAt || !reached(command.at, due)) return [];
  return [
    {
      type: 'CaseTargetBreached',
      data: { caseId, initialResponseDueAt: due, breachedAt: command.at },
    },
  ];
}
