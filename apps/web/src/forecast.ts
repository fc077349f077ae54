// The burn-down of one entitlement line and its forecast, drawn from the consumption records.
// The hub may answer the forecast itself (burnRatePerDay, exhaustsOn, exhaustsBeforeEnd); when it
// does not, the rate is the trailing 90 days' consumption per day, as the API describes it.
import { dayNumber, isoDay } from './days';

export const TRAILING_DAYS = 90;

export interface ConsumptionPoint {
  deliveredOn: string;
  quantity: number;
  reversed: boolean;
}

export interface LineForecast {
  burnRatePerDay: number;
  /** The day the balance reaches zero at that rate; null when nothing is being consumed. */
  exhaustsOn: string | null;
  exhaustsBeforeEnd: boolean;
}

export interface ServerForecast {
  burnRatePerDay?: number | null;
  exhaustsOn?: string | null;
  exhaustsBeforeEnd?: boolean | null;
}

export interface Point {
  x: number;
  y: number;
}

export interface BurnDown {
  /** Remaining balance after each delivery day, from the start (total) to today. */
  actual: Point[];
  /** From today's balance along the rate to the exhaustion day or the end, whichever is first. */
  forecast: Point[];
  end: number;
  today: number;
  forecastFacts: LineForecast;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Consumption per day over the trailing window ending on `today` (reversed records netted out). */
export function trailingRate(records: readonly ConsumptionPoint[], today: string): number {
  const last = dayNumber(today);
  const first = last - TRAILING_DAYS + 1;
  let sum = 0;
  for (const record of records) {
    if (record.reversed) continue;
    const day = dayNumber(record.deliveredOn);
    if (day >= first && day <= last) sum += record.quantity;
  }
  return sum / TRAILING_DAYS;
}

/** The forecast facts: the server's when it answers them, computed here otherwise. */
export function lineForecast(
  records: readonly ConsumptionPoint[],
  remaining: number,
  today: string,
  endsOn: string,
  server: ServerForecast = {},
): LineForecast {
  if (typeof server.burnRatePerDay === 'number') {
    const exhaustsOn = server.exhaustsOn ?? null;
    return {
      burnRatePerDay: server.burnRatePerDay,
      exhaustsOn,
      exhaustsBeforeEnd:
        typeof server.exhaustsBeforeEnd === 'boolean'
          ? server.exhaustsBeforeEnd
          : exhaustsOn !== null && exhaustsOn <= endsOn,
    };
  }
  const rate = trailingRate(records, today);
  if (remaining <= 0) return { burnRatePerDay: rate, exhaustsOn: today, exhaustsBeforeEnd: true };
  if (rate <= 0) return { burnRatePerDay: 0, exhaustsOn: null, exhaustsBeforeEnd: false };
  const exhaustsOn = isoDay(dayNumber(today) + Math.ceil(remaining / rate));
  return { burnRatePerDay: rate, exhaustsOn, exhaustsBeforeEnd: exhaustsOn <= endsOn };
}

/**
 * The points to draw for one line: the remaining balance stepping down on each delivery day
 * (it may go below zero: overage), then the forecast from today's balance.
 */
export function burnDown(input: {
  total: number;
  startsOn: string;
  endsOn: string;
  today: string;
  records: readonly ConsumptionPoint[];
  server?: ServerForecast;
}): BurnDown {
  const today = dayNumber(input.today);
  const byDay = new Map<number, number>();
  for (const record of input.records) {
    if (record.reversed) continue;
    const day = dayNumber(record.deliveredOn);
    if (day > today) continue;
    byDay.set(day, (byDay.get(day) ?? 0) + record.quantity);
  }
  let remaining = input.total;
  const actual: Point[] = [{ x: dayNumber(input.startsOn), y: remaining }];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    remaining = round2(remaining - (byDay.get(day) ?? 0));
    actual.push({ x: day, y: remaining });
  }
  if (actual[actual.length - 1].x < today) actual.push({ x: today, y: remaining });
  const end = dayNumber(input.endsOn);
  const facts = lineForecast(input.records, remaining, input.today, input.endsOn, input.server);
  const forecast: Point[] = [];
  if (today < end && remaining > 0) {
    forecast.push({ x: today, y: remaining });
    const stop = facts.exhaustsOn !== null ? Math.min(dayNumber(facts.exhaustsOn), end) : end;
    const projected = round2(Math.max(0, remaining - facts.burnRatePerDay * (stop - today)));
    forecast.push({ x: stop, y: projected });
  }
  return { actual, forecast, end, today, forecastFacts: facts };
}
