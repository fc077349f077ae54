/** What `eventually` waits for: a value that is neither `false`, `undefined` nor `null`. */
type Held<T> = Exclude<T, false | undefined | null>;
type Probe<T> = () => T | Promise<T>;

/**
 * The one way a test waits: polls `probe` until it answers something that holds (true, or any
 * value but undefined and null) and resolves with it, or fails after `timeoutMs` naming `what`.
 * Tests wait on state, never for time. Also callable as `eventually(what, probe, timeoutMs)`.
 */
export async function eventually<T>(
  probe: Probe<T>,
  timeoutMs?: number,
  what?: string,
): Promise<Held<T>>;
export async function eventually<T>(
  what: string,
  probe: Probe<T>,
  timeoutMs?: number,
): Promise<Held<T>>;
export async function eventually<T>(
  first: Probe<T> | string,
  second?: Probe<T> | number,
  third?: number | string,
): Promise<Held<T>> {
  const [probe, timeoutMs, what] =
    typeof first === 'string'
      ? [second as Probe<T>, (third as number | undefined) ?? 30_000, first]
      : [
          first,
          (second as number | undefined) ?? 5000,
          (third as string | undefined) ?? 'condition',
        ];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== false && value !== undefined && value !== null) return value as Held<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
