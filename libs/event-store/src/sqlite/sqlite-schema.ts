import Database from 'better-sqlite3';
import { EventMetadata, GlobalPosition, RecordedEvent } from '../event-store.port';
import { Upcasters } from '../upcasting/upcasters';
import { openWalDatabase } from './open-wal';
import { migrateToHashChain } from './sqlite-chain';

/** How hard SQLite syncs on commit: FULL survives power loss in WAL mode, NORMAL may lose the last commits. */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** Options of `SqliteEventStore`. */
export interface SqliteEventStoreOptions {
  /** Database file, or `':memory:'`. */
  file: string;
  /** Default FULL: an acknowledged append is on disk. NORMAL only when asked for explicitly. */
  synchronous?: SqliteSynchronous;
  /** SQLite's page cache for the connection, in MiB (default 64). */
  cacheMiB?: number;
  /** How often idle live subscriptions look for commits made by other processes (ms, default 5). */
  pollIntervalMs?: number;
  /**
   * Default true. `false` writes no hashes (the rows then fail `verifyChain`): only for
   * bench:event-store's measure of what the chain costs.
   */
  hashChain?: boolean;
  /** Turns events stored at an older schema version into the current shape on every read. */
  upcasters?: Upcasters;
}

const DEFAULT_CACHE_MIB = 64;

/**
 * The columns event reads select, in this order: rows come back as arrays (better-sqlite3's raw
 * mode), which spares an object with named keys per row (a fifth of reading a page of events).
 * The event id is left out: it is in the metadata too.
 */
export const EVENT_COLUMNS = 'position, stream, revision, type, data, metadata, recorded_at';

/** One row of EVENT_COLUMNS as better-sqlite3 returns it in raw mode. */
export type EventRow = [
  position: number,
  stream: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

// `position` is written explicitly as (max + 1) inside the IMMEDIATE transaction, never by
// AUTOINCREMENT, so a rolled-back transaction leaves no gap in the global log.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  event_id    TEXT    NOT NULL,
  stream      TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  -- SHA-256 chaining the row to the one before it in the global log (sqlite-chain.ts).
  hash        BLOB
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
-- Filtered reads walk the primary key (see sqlite-reads.ts); the old type index only cost appends.
DROP INDEX IF EXISTS events_type_position;
`;

/** Opens (and creates when new) the event database with the store's pragmas. */
export function openEventDatabase(options: SqliteEventStoreOptions): Database.Database {
  const db = openWalDatabase(options.file);
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  // Appends land on random pages of the event-id and stream indexes; SQLite's default 2 MB
  // page cache misses on most of them once the log outgrows it (bench:ingest: ~20% of a message).
  db.pragma(`cache_size = -${(options.cacheMiB ?? DEFAULT_CACHE_MIB) * 1024}`);
  db.exec(SCHEMA);
  migrateToHashChain(db);
  return db;
}

/** Maps a row to the port's `RecordedEvent`. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const [position, stream, revision, type, data, metadata, recordedAt] = row;
  return {
    type,
    data: JSON.parse(data) as Record<string, unknown>,
    metadata: JSON.parse(metadata) as EventMetadata,
    streamName: stream,
    revision,
    position: BigInt(position) as GlobalPosition,
    recordedAt,
  };
}

/**
 * A row as a `RecordedEvent` whose metadata is parsed when first read (ReadAllOptions
 * .deferMetadata): a projection rebuild reads a million events and none of their metadata,
 * which is about 40% of an event's text.
 */
export class DeferredMetadataEvent implements RecordedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly streamName: string;
  readonly revision: number;
  readonly position: GlobalPosition;
  readonly recordedAt: string;
  #metadata: string | EventMetadata;

  constructor(row: EventRow) {
    const [position, stream, revision, type, data, metadata, recordedAt] = row;
    this.type = type;
    this.data = JSON.parse(data) as Record<string, unknown>;
    this.streamName = stream;
    this.revision = revision;
    this.position = BigInt(position) as GlobalPosition;
    this.recordedAt = recordedAt;
    this.#metadata = metadata;
  }

  get metadata(): EventMetadata {
    if (typeof this.#metadata === 'string')
      this.#metadata = JSON.parse(this.#metadata) as EventMetadata;
    return this.#metadata;
  }

  toJSON(): RecordedEvent {
    return { ...this, metadata: this.metadata };
  }
}
