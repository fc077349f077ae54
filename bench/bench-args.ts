// What the benches share: their options, their monotonic clock and their percentiles.

/** `--name N` from the command line, or `fallback`. */
export function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** A bench's numeric options in one table: each `--name N` given, else its default. */
export function options<K extends string>(defaults: Record<K, number>): Record<K, number> {
  const given = Object.entries<number>(defaults).map(([name, value]) => [name, arg(name, value)]);
  return Object.fromEntries(given) as Record<K, number>;
}

/** Whether `--name` is on the command line. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** Monotonic time in seconds (immune to wall-clock steps), for measuring durations. */
export function nowSeconds(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

/** The p-th percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
