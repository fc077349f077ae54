import { ANY, EventStore, GlobalPosition } from '@hub/event-store';
import { Activity, random } from './hub-workload-activity';
import { WorkloadAppend, WorkloadClock, WorkloadCustomer } from './hub-workload-events';
import { onboardCustomer } from './hub-workload-customer';

/**
 * The hub's traffic as windows of appends, `total` events in all (exactly, unless onboarding
 * alone needs more): first every customer's onboarding, then the mixed activity.
 */
export function* hubWorkload(
  total: number,
  seed = 42,
  windowEvents = 5_000,
): Generator<WorkloadAppend[]> {
  const rnd = random(seed);
  const clock = new WorkloadClock();
  const customers: WorkloadCustomer[] = [];
  let emitted = 0;
  let window: WorkloadAppend[] = [];
  let inWindow = 0;
  const add = (append: WorkloadAppend): void => {
    window.push(append);
    inWindow += append.events.length;
    emitted += append.events.length;
  };
  const count = Math.max(2, Math.round(total / 500));
  for (let n = 0; n < count; n += 1) {
    const { customer, appends } = onboardCustomer(n, clock);
    customers.push(customer);
    appends.forEach(add);
    if (inWindow >= windowEvents) {
      yield window;
      [window, inWindow] = [[], 0];
    }
  }
  const activity = new Activity(rnd, clock, customers);
  while (emitted < total) {
    const append = activity.next();
    append.events = append.events.slice(0, total - emitted);
    add(append);
    if (inWindow >= windowEvents) {
      yield window;
      [window, inWindow] = [[], 0];
    }
  }
  if (window.length > 0) yield window;
}

/**
 * Appends the workload through the EventStore port, one window at a time (the appends of a
 * window run concurrently, so the store commits them in large groups). Returns the head.
 */
export async function appendWorkload(
  store: EventStore,
  total: number,
  seed = 42,
): Promise<GlobalPosition> {
  for (const window of hubWorkload(total, seed))
    await Promise.all(
      window.map(({ stream, events }) => store.appendToStream(stream, events, ANY)),
    );
  return (await store.headPosition())!;
}
