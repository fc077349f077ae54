/** Case severity: A critical (production down), B moderate, C minimal (domain.md §5). */
export type Severity = 'A' | 'B' | 'C';

/** A break-fix incident, or advisory help (which gets one business day). */
export type CaseType = 'problem-resolution' | 'advisory';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Initial response targets for problem resolution, 24x7 (domain.md §5). */
export const RESPONSE_HOURS: Readonly<Record<Severity, number>> = { A: 2, B: 4, C: 8 };

/**
 * When the first response is due for a case of this type and severity, counted from `fromIso`.
 * Problem resolution: 2/4/8 hours around the clock. Advisory: the same time of day on the
 * next weekday (Friday, Saturday and Sunday roll to Monday), in UTC, so no DST shifts apply.
 */
export function initialResponseDueAt(
  caseType: CaseType,
  severity: Severity,
  fromIso: string,
): string {
  const from = Date.parse(fromIso);
  if (Number.isNaN(from)) throw new RangeError(`Not an ISO instant: ${fromIso}`);
  if (caseType === 'problem-resolution') {
    return new Date(from + RESPONSE_HOURS[severity] * HOUR_MS).toISOString();
  }
  const weekday = new Date(from).getUTCDay(); // 0 Sunday … 6 Saturday
  const daysAhead = weekday === 5 ? 3 : weekday === 6 ? 2 : 1;
  return new Date(from + daysAhead * DAY_MS).toISOString();
}

/** Whether a first response at `respondedAt` met a target due at `dueAt` (on the dot counts). */
export function responseTargetMet(respondedAt: string, dueAt: string): boolean {
  return Date.parse(respondedAt) <= Date.parse(dueAt);
}
