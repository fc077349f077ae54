import { randomUUID } from 'node:crypto';
import {
  EventMetadata,
  EventStore,
  NewEvent,
  RecordedEvent,
  Subscription,
} from '../event-store.port';

/** Builds the store under test; the suite closes it after each test. */
export type MakeEventStore = () => EventStore | Promise<EventStore>;

/** Gives each test the store under test (set in the suite's beforeEach). */
export type StoreUnderTest = () => EventStore;

/**
 * A name no earlier run can have used: adapters backed by a shared server (EventStoreDB)
 * keep every stream between runs, so each test writes under its own prefix.
 */
export function uniqueStream(prefix = 'conformance'): string {
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}-${randomUUID().slice(0, 8)}`;
}

/** A unique stream-name prefix for tests that read `$all` and must ignore other writers. */
export function uniquePrefix(): string {
  return `conf${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    eventId: randomUUID(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: 'user-1', roles: ['hub-admin'] },
    source: 'api',
    occurredAt: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export function newEvent(
  type: string,
  data: object = {},
  overrides: Partial<EventMetadata> = {},
): NewEvent {
  return { type, data, metadata: metadata(overrides) };
}

/** `count` events numbered by `n` in their data. */
export function numbered(count: number, type = 'Numbered', from = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { n: from + i }));
}

/** Takes `count` events from a subscription, failing with what it got if the deadline passes first. */
export async function take(
  subscription: Subscription,
  count: number,
  onEach: (event: RecordedEvent, index: number) => void | Promise<void> = () => undefined,
  timeoutMs = 15_000,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (received.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const next = await Promise.race([iterator.next(), timeout]);
    clearTimeout(timer);
    if (next === 'timeout')
      throw new Error(`got ${received.length} of ${count} events before the deadline`);
    if (next.done) break;
    received.push(next.value);
    await onEach(next.value, received.length - 1);
  }
  return received;
}
