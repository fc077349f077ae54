import {
  ChainHead,
  ChainRange,
  ChainVerification,
  ChainedFields,
  EventLogIntegrity,
  GENESIS_HASH,
  chainHash,
} from '../integrity/hash-chain';
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
export class MemoryEventStore implements EventStore, EventLogIntegrity {
  private readonly log: RecordedEvent[] = [];
  /** hashes[i] chains log[i] to log[i - 1] over the global log, as the SQLite adapter does. */
  private readonly hashes: Buffer[] = [];
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
    for (const [i, event] of fresh.entries()) {
      const recorded: RecordedEvent = {
        ...structuredClone(event),
        data: structuredClone(event.data) as Record<string, unknown>,
        streamName: stream,
        revision: existing.length + i,
        position: BigInt(this.log.length + 1) as GlobalPosition,
        recordedAt: this.now(),
      };
      this.hashes.push(chainHash(this.hashes.at(-1) ?? GENESIS_HASH, chained(recorded)));
      this.log.push(recorded);
    }
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
    // A re-append of events already there answers where they landed, as the engines do.
    const lastId = events.at(-1)?.metadata.eventId;
    const last =
      fresh.length === 0 && lastId !== undefined
        ? existing.find((e) => e.metadata.eventId === lastId)
        : this.log.filter((e) => e.streamName === stream).at(-1);
    return {
      nextExpectedRevision: last?.revision ?? -1,
      position: last?.position ?? (0n as GlobalPosition),
    };
  }

  async verifyChain(range: ChainRange = {}): Promise<ChainVerification> {
    const from = Number(range.fromPosition ?? 1n);
    const to = Math.min(Number(range.toPosition ?? BigInt(this.log.length)), this.log.length);
    let checked = 0;
    for (let position = from; position <= to; position += 1) {
      const previous = position === 1 ? GENESIS_HASH : this.hashes[position - 2];
      const expected = chainHash(previous, chained(this.log[position - 1]));
      checked += 1;
      if (!expected.equals(this.hashes[position - 1])) {
        const firstMismatch = { position: BigInt(position), reason: 'hash_mismatch' as const };
        return {
          verified: false,
          checkedFrom: BigInt(from),
          checkedTo: BigInt(position),
          headHash: null,
          checked,
          firstMismatch,
        };
      }
    }
    const empty = to < from;
    return {
      verified: true,
      checkedFrom: empty ? null : BigInt(from),
      checkedTo: empty ? null : BigInt(to),
      headHash: empty ? null : this.hashes[to - 1].toString('hex'),
      checked,
    };
  }

  async chainHead(): Promise<ChainHead | null> {
    const hash = this.hashes.at(-1);
    return hash ? { position: BigInt(this.log.length), hash: hash.toString('hex') } : null;
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

  async countEventsAfter(position: GlobalPosition | null, limit = Infinity): Promise<number> {
    return Math.min(
      limit,
      this.log.filter((e) => position === null || e.position > position).length,
    );
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}

/** What the chain covers of an event held in memory (its JSON texts, as an engine stores them). */
function chained(event: RecordedEvent): ChainedFields {
  return {
    stream: event.streamName,
    revision: event.revision,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    recordedAt: event.recordedAt,
  };
}
