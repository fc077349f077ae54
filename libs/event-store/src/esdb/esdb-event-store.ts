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
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
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
import { JournaledAppends } from '../units/journaled-appends';

/** Options of `EventStoreDbEventStore`. */
export interface EventStoreDbOptions {
  /** e.g. `esdb://127.0.0.1:2113?tls=false`. */
  connectionString: string;
  /** Resubscription backoff of `$all` subscriptions (default 100 ms doubling up to 10 s). */
  resubscribe?: ResubscribeBackoff;
}

/** The production event store on EventStoreDB / KurrentDB through `@eventstore/db-client`. */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly backoff: ResubscribeBackoff;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly units = new JournaledAppends(this);

  constructor(options: EventStoreDbOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.backoff = options.resubscribe ?? { initialMs: 100, maxMs: 10_000 };
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
    let result: EsdbAppendResult;
    try {
      // The event id is ESDB's event id, so a re-append of the same ids is de-duplicated by the server.
      result = await this.client.appendToStream(
        stream,
        events.map((event) =>
          jsonEvent({
            id: event.metadata.eventId,
            type: event.type,
            data: event.data as Record<string, unknown>,
            metadata: event.metadata as unknown as Record<string, unknown>,
          }),
        ),
        { expectedRevision: toEsdbExpectedRevision(expectedRevision) },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        throw new ConcurrencyError(`stream ${stream} is not at the expected revision`, {
          stream,
          expectedRevision,
          actualRevision: String(error.actualVersion),
        });
      throw error;
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
    return events;
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
    return events;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription = new EsdbSubscription(this.client, options, this.backoff, (closed) =>
      this.subscriptions.delete(closed),
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
