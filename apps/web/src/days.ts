// Calendar days as numbers (days since 1970-01-01, UTC) so charts and forecasts need no date library.

const MS_PER_DAY = 86_400_000;

export function dayNumber(isoDay: string): number {
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / MS_PER_DAY);
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC day of an instant (the hub's days are UTC days). */
export function dayOf(instant: Date): number {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}
