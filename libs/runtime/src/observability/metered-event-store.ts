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
} from '@hub/event-store';
import { HubMetrics } from './hub-metrics';

/**
 * The event store with its appends timed into `hub_event_append_duration_seconds`; everything
 * else passes straight through (reads are timed by the requests and lag that use them).
 */
export class MeteredEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly metrics: HubMetrics,
  ) {}

  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.metrics.timeAppend(1, () =>
      this.inner.appendToStream(stream, events, expectedRevision),
    );
  }

  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.metrics.timeAppend(appends.length, () => this.inner.appendToStreams(appends));
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<GlobalPosition | null> {
    return this.inner.headPosition();
  }

  countEventsAfter(position: GlobalPosition | null, limit?: number): Promise<number> {
    return this.inner.countEventsAfter(position, limit);
  }

  ping(): Promise<boolean> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
