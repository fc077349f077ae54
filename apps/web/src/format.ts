// Numbers, days and instants in the browser's locale (the page follows navigator.language).

export interface Formatters {
  locale: string;
  /** A quantity: exact to the millionth, so up to six decimals, trailing zeros dropped. */
  number(value: number): string;
  /** A derived figure (a rate per day): two decimals are enough to read it. */
  rate(value: number): string;
  /** A day `YYYY-MM-DD`, shown as that calendar day whatever the browser's time zone. */
  day(isoDay: string): string;
  /** An instant `…Z` in the browser's time zone. */
  instant(iso: string): string;
  /** A duration in seconds as `1 h 05 min 09 s` (negative: the time since). */
  duration(seconds: number): string;
}

export function formatters(locale: string): Formatters {
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const rateFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const instantFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return {
    locale,
    number: (value) => numberFormat.format(value),
    rate: (value) => rateFormat.format(value),
    day: (isoDay) => dayFormat.format(new Date(`${isoDay}T00:00:00Z`)),
    instant: (iso) => instantFormat.format(new Date(iso)),
    duration: (seconds) => formatDuration(seconds),
  };
}

/** `2 d 03 h`, `1 h 05 min 09 s` or `4 min 30 s`: the unit symbols read the same in fr and en. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.floor(Math.abs(totalSeconds));
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days} d ${pad(hours)} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min ${pad(rest)} s`;
  return `${minutes} min ${pad(rest)} s`;
}
