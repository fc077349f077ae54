import { Actor, Brand } from '@hub/domain';

/**
 * A position in the global log ($all). Opaque to callers: ordered and comparable with
 * `comparePositions`, carried over HTTP as the decimal string `String(position)`.
 */
export type GlobalPosition = Brand<bigint, 'GlobalPosition'>;

export const NO_STREAM = 'no_stream' as const;
export const ANY = 'any' as const;
/** `NO_STREAM`, `ANY`, or the revision (0-based index) of the stream's last event. */
export type ExpectedRevision = number | typeof NO_STREAM | typeof ANY;

/** What the writer records with every event (architecture.md "Event envelope"). */
export interface EventMetadata {
  eventId: string;
  schemaVersion: number;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** `api`, or `kafka:<topic>/<partition>/<offset>`. */
  source: string;
  /** When it happened in the world (ISO instant). */
  occurredAt: string;
}

/** An event to append. */
export interface NewEvent {
  type: string;
  data: object;
  metadata: EventMetadata;
}

/** An event as the store recorded it. */
export interface RecordedEvent<D extends object = Record<string, unknown>> {
  type: string;
  data: D;
  metadata: EventMetadata;
  streamName: string;
  /** 0-based index of the event in its stream. */
  revision: number;
  position: GlobalPosition;
  /** The store's own time of recording (ISO instant). */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or already present, for an idempotent re-append). */
  position: GlobalPosition;
}

/** One stream's part of `appendToStreams`. */
export interface StreamAppend {
  stream: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
}

export interface ReadStreamOptions {
  /** Start here (inclusive); default: the first event forwards, the last backwards. */
  fromRevision?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface EventFilter {
  /** Only events of these types. */
  eventTypes?: readonly string[];
  /** Only events of streams whose name starts with one of these. */
  streamPrefixes?: readonly string[];
}

/** What a filter means, for adapters that filter in code (the SQLite adapter says it in SQL). */
export function matchesEventFilter(
  type: string,
  stream: string,
  filter: EventFilter = {},
): boolean {
  if (filter.eventTypes && !filter.eventTypes.includes(type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((prefix) => stream.startsWith(prefix)))
    return false;
  return true;
}

export interface ReadAllOptions {
  /** Start here (inclusive); default: the beginning. */
  fromPosition?: GlobalPosition;
  maxCount?: number;
  filter?: EventFilter;
  /**
   * A hint for bulk readers that seldom read metadata (projections): an adapter may parse each
   * event's metadata when it is first read instead of up front. `metadata` is then an accessor
   * (JSON.stringify includes it, a spread does not).
   */
  deferMetadata?: boolean;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position; default: from the beginning. */
  fromPosition?: GlobalPosition;
  filter?: EventFilter;
}

/** A catch-up-then-live subscription; iterate it, and `close()` to stop. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * The append-only log of facts, grouped into streams `<aggregate>-<id>`.
 * Appends are atomic per call and checked against the expected revision; an event whose id
 * is already in the stream is not appended again (the append succeeds).
 */
export interface EventStore {
  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  /**
   * Appends to several streams, each part checked and de-duplicated as `appendToStream` does,
   * in the order given, and stops at the first part refused: nothing of it or after it is
   * appended. SQLite makes the whole call one transaction (all or nothing, one fsync); an engine
   * without multi-stream transactions (EventStoreDB) appends part after part, so a crash may
   * leave a prefix, which the caller's idempotent retry completes. Answers one result per part.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** The stream's events; `[]` for a stream that does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the last event in the log, or null when it is empty. */
  headPosition(): Promise<GlobalPosition | null>;
  /**
   * How many events the log holds after `position` (null: all of them), counting at most
   * `limit` (default: all). A count, never position arithmetic: positions are opaque and on
   * EventStoreDB they are byte offsets, so their difference says nothing about events.
   */
  countEventsAfter(position: GlobalPosition | null, limit?: number): Promise<number>;
  /** Whether the engine answers (for /health). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Injection token for the `EventStore` port. */
export const EVENT_STORE = Symbol('EventStore');

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parses a position from its decimal string (as carried over HTTP); null if malformed. */
export function parsePosition(text: string): GlobalPosition | null {
  return /^\d{1,20}$/.test(text) ? (BigInt(text) as GlobalPosition) : null;
}

export function positionToString(position: GlobalPosition): string {
  return position.toString();
}

/**
 * `appendToStreams` for an engine without multi-stream transactions: part after part, stopping
 * at the first refused (the port allows it; the caller's idempotent retry completes a prefix).
 */
export async function appendPartByPart(
  store: Pick<EventStore, 'appendToStream'>,
  appends: readonly StreamAppend[],
): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  for (const { stream, events, expectedRevision } of appends)
    results.push(await store.appendToStream(stream, events, expectedRevision));
  return results;
}
