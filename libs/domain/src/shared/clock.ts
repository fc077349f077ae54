/**
 * The hub's one clock (architecture.md "Time, workflows and notifications"). Deciders never
 * read it: they get `at` in the command. Command contexts, query-time rules ("active today")
 * and the workflows' schedule ask it, so tests can set and move time instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

/** Injection token for the `Clock` port. */
export const CLOCK = Symbol('Clock');

/** The UTC day (`YYYY-MM-DD`) an instant falls on: the evaluation day of query-time rules. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
