import {
  BusinessCalendar,
  DEFAULT_CALENDAR,
  addBusinessHours,
  nextBusinessDay,
} from '../agreements/business-calendar';

/** Case severity: A critical (production down), B moderate, C minimal (domain.md §5). */
export type Severity = 'A' | 'B' | 'C';

/** A break-fix incident, or advisory help (which gets one business day). */
export type CaseType = 'problem-resolution' | 'advisory';

const HOUR_MS = 60 * 60 * 1000;

/** Initial response targets for problem resolution, 24x7 (domain.md §5). */
export const RESPONSE_HOURS: Readonly<Record<Severity, number>> = { A: 2, B: 4, C: 8 };

/** What the target depends on besides type, severity and start (domain.md §5 "Business time"). */
export interface TargetTerms {
  /** The agreement's time zone and holidays; UTC without holidays by default. */
  calendar?: BusinessCalendar;
  /** BCP 47; the 2/4/8 hours run 24x7 only for English (`en`, `en-*`). */
  language?: string;
}

/** Whether the 2/4/8-hour targets run around the clock for a case in this language. */
export function isEnglish(language: string | undefined): boolean {
  return language === undefined || /^en(-|$)/i.test(language);
}

/**
 * When the first response is due for a case of this type and severity, counted from `fromIso`.
 * Problem resolution: 2/4/8 hours around the clock in English, in business hours otherwise.
 * Advisory: the same local time on the next local business day of the agreement's calendar.
 */
export function initialResponseDueAt(
  caseType: CaseType,
  severity: Severity,
  fromIso: string,
  terms: TargetTerms = {},
): string {
  const from = Date.parse(fromIso);
  if (Number.isNaN(from)) throw new RangeError(`Not an ISO instant: ${fromIso}`);
  const calendar = terms.calendar ?? DEFAULT_CALENDAR;
  if (caseType === 'advisory') return new Date(nextBusinessDay(from, calendar)).toISOString();
  const hours = RESPONSE_HOURS[severity];
  if (!isEnglish(terms.language)) {
    return new Date(addBusinessHours(from, hours, calendar)).toISOString();
  }
  return new Date(from + hours * HOUR_MS).toISOString();
}

/** Whether a first response at `respondedAt` met a target due at `dueAt` (on the dot counts). */
export function responseTargetMet(respondedAt: string, dueAt: string): boolean {
  return Date.parse(respondedAt) <= Date.parse(dueAt);
}
