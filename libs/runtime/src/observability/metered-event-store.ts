import {
  AppendResult,
  DelegatingEventStore,
  EventStore,
  ExpectedRevision,
  NewEvent,
  StreamAppend,
} from '@hub/event-store';
import { HubMetrics } from './hub-metrics';

/**
 * The event store with its appends timed into `hub_event_append_duration_seconds`; everything
 * else passes straight through (reads are timed by the requests and lag that use them).
 */
export class MeteredEventStore extends DelegatingEventStore {
  constructor(
    inner: EventStore,
    private readonly metrics: HubMetrics,
  ) {
    super(inner);
  }

  override appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.metrics.timeAppend(1, () =>
      this.inner.appendToStream(stream, events, expectedRevision),
    );
  }

  override appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.metrics.timeAppend(appends.length, () => this.inner.appendToStreams(appends));
  }
}
