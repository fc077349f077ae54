/**
 * The clock commands read their `occurredAt` from: the system time, unless a test sets it. Kept
 * on the Fastify instance (one per app), so two hubs in one process keep their own clocks.
 */
export interface RequestClock {
  now(): Date;
}

interface ClockHolder {
  hubClock?: RequestClock;
}

/** Gives the app's Fastify instance its clock (before it starts). */
export function installRequestClock(instance: {
  decorate(name: string, value: unknown): unknown;
}): RequestClock {
  const clock: RequestClock = { now: () => new Date() };
  instance.decorate('hubClock', clock);
  return clock;
}

/** The clock of the app a request came to (the system time when none was installed). */
export function nowOf(request: { server?: unknown }): Date {
  const holder = request.server as ClockHolder | undefined;
  return holder?.hubClock?.now() ?? new Date();
}
