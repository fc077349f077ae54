/**
 * An agreement's business calendar (domain.md §5 "Business time"): its IANA time zone and
 * holidays. Pure: every function takes the instant it reasons about, none reads a clock.
 */
export interface BusinessCalendar {
  /** IANA name, e.g. `America/Los_Angeles`; `UTC` by default. */
  timeZone: string;
  /** Local days `YYYY-MM-DD` that are not business days. */
  holidays: string[];
}

export const DEFAULT_CALENDAR: BusinessCalendar = { timeZone: 'UTC', holidays: [] };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Business hours, local (domain.md §5). */
const OPENS_AT_HOUR = 9;
const CLOSES_AT_HOUR = 17;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the name is an IANA time zone this runtime knows. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock fields of an instant, as if they were UTC (so date arithmetic is plain). */
function wallClock(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const seconds = Math.floor(instantMs / 1000) * 1000;
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall + (instantMs - seconds);
}

/** The instant at which the zone's clocks show `wallMs` (a gap in DST moves forward). */
function instantOf(wallMs: number, timeZone: string): number {
  const firstGuess = wallMs - (wallClock(wallMs, timeZone) - wallMs);
  return wallMs - (wallClock(firstGuess, timeZone) - firstGuess);
}

const dayOf = (wallMs: number) => new Date(wallMs).toISOString().slice(0, 10);
const startOfDay = (wallMs: number) =>
  Date.UTC(
    new Date(wallMs).getUTCFullYear(),
    new Date(wallMs).getUTCMonth(),
    new Date(wallMs).getUTCDate(),
  );

/** A local weekday that is not a holiday of the calendar. */
function isBusinessDay(wallMs: number, calendar: BusinessCalendar): boolean {
  const weekday = new Date(wallMs).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(dayOf(wallMs));
}

/** The same local time on the next local business day after `fromMs`. */
export function nextBusinessDay(fromMs: number, calendar: BusinessCalendar): number {
  let wall = wallClock(fromMs, calendar.timeZone) + 24 * HOUR_MS;
  while (!isBusinessDay(wall, calendar)) wall += 24 * HOUR_MS;
  return instantOf(wall, calendar.timeZone);
}

/** `hours` of business time (09:00–17:00 local on business days) counted from `fromMs`. */
export function addBusinessHours(
  fromMs: number,
  hours: number,
  calendar: BusinessCalendar,
): number {
  let left = hours * HOUR_MS;
  let cursor = fromMs;
  // A year of days bounds the walk, whatever the holidays.
  for (let day = 0; day < 366 * 2; day += 1) {
    const wall = wallClock(cursor, calendar.timeZone);
    const midnight = startOfDay(wall);
    if (isBusinessDay(wall, calendar)) {
      const opens = instantOf(midnight + OPENS_AT_HOUR * HOUR_MS, calendar.timeZone);
      const closes = instantOf(midnight + CLOSES_AT_HOUR * HOUR_MS, calendar.timeZone);
      const start = Math.max(cursor, opens);
      if (start < closes) {
        if (start + left <= closes) return start + left;
        left -= closes - start;
      }
    }
    cursor = instantOf(midnight + 24 * HOUR_MS, calendar.timeZone);
  }
  throw new RangeError('No business hours within two years.');
}
