import {
  AppendResult as EsdbAppendResult,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import { ConcurrencyError } from '@hub/domain';
import {
  ANY,
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NO_STREAM,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import {
  fromEsdbEvent,
  matchesFilter,
  toEsdbExpectedRevision,
  toEsdbPosition,
} from './esdb-mapping';
import { EsdbSubscription, ResubscribeBackoff } from './esdb-subscription';
import {
  ChainHead,
  ChainRange,
  ChainVerification,
  EventLogIntegrity,
} from '../integrity/hash-chain';
import { NO_UPCASTERS, Upcasters } from '../upcasting/upcasters';
import { sealEvents, storedHash, streamTip, verifyEsdbRange } from './esdb-chain';
import { JournaledAppends } from '../units/journaled-appends';

/** Options of `EventStoreDbEventStore`. */
export interface EventStoreDbOptions {
  /** e.g. `esdb://127.0.0.1:2113?tls=false`. */
  connectionString: string;
  /** Resubscription backoff of `$all` subscriptions (default 100 ms doubling up to 10 s). */
  resubscribe?: ResubscribeBackoff;
  /** Turns events stored at an older schema version into the current shape on every read. */
  upcasters?: Upcasters;
}

/** How often an `ANY` append re-chains after another writer appended to the stream first. */
const ANY_APPEND_ATTEMPTS = 5;

/**
 * The production event store on EventStoreDB / KurrentDB through `@eventstore/db-client`.
 *
 * Its hash chain is weaker than the embedded store's: no writer knows its predecessor in `$all`
 * (the server orders appends to different streams), so each event chains to the previous event
 * of its own stream, its hash kept in the metadata (`$hash`). `verifyChain` finds a changed
 * event or a stream's skipped revision, with its position; it cannot show a stream removed
 * whole or events cut from a stream's end, and `chainHead` is the hash of the last event, which
 * covers its own stream only. Each append reads the stream's last event first (one round trip).
 */
export class EventStoreDbEventStore implements EventStore, EventLogIntegrity {
  private readonly client: EventStoreDBClient;
  private readonly backoff: ResubscribeBackoff;
  private readonly upcasters: Upcasters;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly units = new JournaledAppends(this);

  constructor(options: EventStoreDbOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.backoff = options.resubscribe ?? { initialMs: 100, maxMs: 10_000 };
    this.upcasters = options.upcasters ?? NO_UPCASTERS;
  }

  /**
   * No multi-stream transactions here: part after part through a journal, so a unit a crash
   * cut short is finished by `completePendingUnits` at the next start (see JournaledAppends).
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.units.appendToStreams(appends);
  }

  /** Finishes the units a crash left part-appended; run once at start-up. Answers how many. */
  completePendingUnits(): Promise<number> {
    return this.units.completePending();
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    let result: EsdbAppendResult | undefined;
    for (let attempt = 1; !result; attempt += 1) {
      // Each event's hash chains from the stream's last one, so the append must land right after
      // it: an `ANY` append is made against the revision read, and re-chained if another came first.
      const tip = await streamTip(this.client, stream);
      const expected: ExpectedRevision =
        expectedRevision === ANY ? (tip.revision ?? NO_STREAM) : expectedRevision;
      const sealed = sealEvents(stream, events, (tip.revision ?? -1) + 1, tip.hash);
      try {
        // The event id is ESDB's event id, so a re-append of the same ids is de-duplicated by the server.
        result = await this.client.appendToStream(
          stream,
          events.map((event, i) =>
            jsonEvent({ id: event.metadata.eventId, type: event.type, ...sealed[i] }),
          ),
          { expectedRevision: toEsdbExpectedRevision(expected) },
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (expectedRevision === ANY && attempt < ANY_APPEND_ATTEMPTS) continue;
        throw new ConcurrencyError(`stream ${stream} is not at the expected revision`, {
          stream,
          expectedRevision,
          actualRevision: String(error.actualVersion),
        });
      }
    }
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    const commit = result.position?.commit;
    // An idempotent write may answer without a position: take it from the event itself.
    const position =
      commit !== undefined && commit >= 0n
        ? (commit as GlobalPosition)
        : await this.positionOf(stream, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision !== undefined
            ? BigInt(options.fromRevision)
            : backwards
              ? END
              : START,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      })) {
        if (resolved.event) events.push(fromEsdbEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return this.upcasters.upcastAll(events);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    // readAll takes no server-side filter in this client: filter here, and stop at maxCount.
    const reading = this.client.readAll({
      direction: FORWARDS,
      fromPosition:
        options.fromPosition === undefined ? START : toEsdbPosition(options.fromPosition),
    });
    for await (const resolved of reading) {
      const event = resolved.event;
      if (!event || !matchesFilter(event.type, event.streamId, options.filter)) continue;
      events.push(fromEsdbEvent(event));
      if (events.length >= maxCount) break;
    }
    return this.upcasters.upcastAll(events);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription = new EsdbSubscription(
      this.client,
      options,
      this.backoff,
      (closed) => this.subscriptions.delete(closed),
      this.upcasters,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<GlobalPosition | null> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END })) {
      const event = resolved.event;
      if (event && matchesFilter(event.type, event.streamId))
        return event.position.commit as GlobalPosition;
    }
    return null;
  }

  verifyChain(range?: ChainRange): Promise<ChainVerification> {
    return verifyEsdbRange(this.client, range);
  }

  async chainHead(): Promise<ChainHead | null> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END })) {
      const event = resolved.event;
      if (event && matchesFilter(event.type, event.streamId))
        return { position: event.position.commit, hash: storedHash(event)?.toString('hex') ?? '' };
    }
    return null;
  }

  /**
   * Reads forward from `position` and counts (ESDB positions are byte offsets in its log, so a
   * difference of positions is no number of events). Lag is usually small; `limit` bounds it.
   */
  async countEventsAfter(position: GlobalPosition | null, limit = Infinity): Promise<number> {
    let count = 0;
    if (limit <= 0) return 0;
    const reading = this.client.readAll({
      direction: FORWARDS,
      fromPosition: position === null ? START : toEsdbPosition(position),
    });
    for await (const resolved of reading) {
      const event = resolved.event;
      // readAll starts at `position` itself (inclusive); system events are not the hub's.
      if (!event || !matchesFilter(event.type, event.streamId)) continue;
      if (position !== null && (event.position.commit as GlobalPosition) <= position) continue;
      count += 1;
      if (count >= limit) break;
    }
    return count;
  }

  async ping(): Promise<boolean> {
    try {
      for await (const _resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
      }))
        break;
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async positionOf(stream: string, revision: number): Promise<GlobalPosition> {
    const [event] = await this.readStream(stream, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`event ${revision} of ${stream} was not found after appending it`);
    return event.position;
  }
}
