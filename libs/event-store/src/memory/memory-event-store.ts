import {
  ANY,
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NO_STREAM,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  appendPartByPart,
  matchesEventFilter,
  SubscribeOptions,
  Subscription,
} from '..';
import { ConcurrencyError } from '@hub/domain';

function passes(event: RecordedEvent, filter?: EventFilter): boolean {
  return matchesEventFilter(event.type, event.streamName, filter);
}

/**
 * The EventStore port in memory, for unit tests (the projector's, the write path's): gapless
 * positions from 1, expected-revision checks, de-duplication by event id, and
 * catch-up-then-live subscriptions. `now` sets recordedAt, so as-of tests can control time.
 */
export class MemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private waiters = new Set<() => void>();
  now: () => string = () => new Date().toISOString();

  /** No multi-stream transactions here: part after part, stopping at the first refused. */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return appendPartByPart(this, appends);
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const existing = this.log.filter((e) => e.streamName === stream);
    const fresh = events.filter(
      (e) => !existing.some((x) => x.metadata.eventId === e.metadata.eventId),
    );
    const current = existing.length - 1;
    const ok =
      expected === ANY || (expected === NO_STREAM ? existing.length === 0 : expected === current);
    if (fresh.length > 0 && !ok)
      throw new ConcurrencyError(`${stream} is at ${current}, expected ${expected}`);
    for (const [i, event] of fresh.entries())
      this.log.push({
        ...structuredClone(event),
        data: structuredClone(event.data) as Record<string, unknown>,
        streamName: stream,
        revision: existing.length + i,
        position: BigInt(this.log.length + 1) as GlobalPosition,
        recordedAt: this.now(),
      });
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
    const last = this.log.filter((e) => e.streamName === stream).at(-1);
    return {
      nextExpectedRevision: last?.revision ?? -1,
      position: last?.position ?? (0n as GlobalPosition),
    };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    let events = this.log.filter((e) => e.streamName === stream);
    if (options.direction === 'backwards') {
      events = events.reverse();
      if (options.fromRevision !== undefined)
        events = events.filter((e) => e.revision <= options.fromRevision!);
    } else if (options.fromRevision !== undefined)
      events = events.filter((e) => e.revision >= options.fromRevision!);
    return structuredClone(events.slice(0, options.maxCount ?? events.length));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? 0n;
    const events = this.log.filter((e) => e.position >= from && passes(e, options.filter));
    return structuredClone(events.slice(0, options.maxCount ?? events.length));
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    let closed = false;
    let last = options.fromPosition ?? 0n;
    let wake: (() => void) | null = null;
    const log = this.log;
    const waitForAppend = (): Promise<void> =>
      new Promise((resolve) => {
        wake = resolve;
        this.waiters.add(resolve);
      });
    return {
      async *[Symbol.asyncIterator]() {
        while (!closed) {
          const next = log.find((e) => e.position > last && passes(e, options.filter));
          if (next) {
            last = next.position;
            yield structuredClone(next);
          } else {
            const skippedTo = log.at(-1)?.position;
            if (skippedTo !== undefined && skippedTo > last) last = skippedTo;
            await waitForAppend();
          }
        }
      },
      async close() {
        closed = true;
        wake?.();
      },
    };
  }

  async headPosition(): Promise<GlobalPosition | null> {
    return this.log.at(-1)?.position ?? null;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
