import Database from 'better-sqlite3';
import { EventMetadata, GlobalPosition, RecordedEvent } from '../event-store.port';

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
  /** How often idle live subscriptions look for commits made by other processes (ms, default 250). */
  pollIntervalMs?: number;
}

const DEFAULT_CACHE_MIB = 64;

/** One row of the `events` table as better-sqlite3 returns it. */
export interface EventRow {
  position: number;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

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
  recorded_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
-- Filtered reads walk the primary key (see sqlite-reads.ts); the old type index only cost appends.
DROP INDEX IF EXISTS events_type_position;
`;

/** Opens (and creates when new) the event database with the store's pragmas. */
export function openEventDatabase(options: SqliteEventStoreOptions): Database.Database {
  const db = new Database(options.file, { timeout: 10_000 });
  if (options.file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  // Appends land on random pages of the event-id and stream indexes; SQLite's default 2 MB
  // page cache misses on most of them once the log outgrows it (bench:ingest: ~20% of a message).
  db.pragma(`cache_size = -${(options.cacheMiB ?? DEFAULT_CACHE_MIB) * 1024}`);
  db.exec(SCHEMA);
  return db;
}

/** Maps a row to the port's `RecordedEvent`. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    streamName: row.stream,
    revision: row.revision,
    position: BigInt(row.position) as GlobalPosition,
    recordedAt: row.recorded_at,
  };
}
