import Database from 'better-sqlite3';
import { ConcurrencyError, ShuttingDownError } from '@hub/domain';
import { chainHashHex } from '../integrity/hash-chain';
import {
  AppendResult,
  GlobalPosition,
  NO_STREAM,
  NewEvent,
  StreamAppend,
} from '../event-store.port';
import { hashHexStatement } from './sqlite-chain';

/** One caller's append: one part, or several streams written together. */
interface PendingAppend {
  parts: readonly StreamAppend[];
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
}

/** Streams this append wrote (not replays), each with its last revision. */
type Written = Map<string, number>;

type Outcome =
  { ok: true; results: AppendResult[]; written: Written } | { ok: false; error: unknown };

interface PresentEvent {
  stream: string;
  revision: number;
  position: number;
}

/** Counters that show how well appends are grouped (for tests and the benchmark). */
export interface GroupCommitStats {
  /** SQLite transactions committed by the writer. */
  commits: number;
  /** Appends that succeeded (idempotent re-appends included). */
  appends: number;
}

/**
 * Group commit: appends issued while a flush is pending (same tick, or while the event loop
 * was busy with the previous fsync) share one IMMEDIATE transaction, so N concurrent writers
 * pay for one fsync instead of N. Each append runs in its own savepoint with its own
 * expected-revision checks, so one conflicting append does not fail its neighbours; the parts of
 * a multi-stream append share their savepoint, so they are written all together or not at all.
 */
export class GroupCommitter {
  private queue: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private closed = false;
  private readonly counters: GroupCommitStats = { commits: 0, appends: 0 };

  private readonly maxPosition: Database.Statement;
  private readonly hashAt: (position: number) => string;
  /** The hash (hex) of the last event written in the open transaction: the next event's predecessor. */
  private chainTip = '';
  /** What the append being written has written so far. */
  private written: Written = new Map();
  private readonly streamRevision: Database.Statement;
  private readonly findEvent: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly commitBatch: Database.Transaction<(batch: PendingAppend[]) => Outcome[]>;
  private readonly appendOne: Database.Transaction<
    (pending: PendingAppend, firstPosition: number, recordedAt: string) => AppendResult[]
  >;

  /** `onCommitted` hears, after each commit, the streams it wrote and their last revisions. */
  constructor(
    db: Database.Database,
    private readonly onCommitted: (written: ReadonlyMap<string, number>) => void,
    private readonly chained = true,
  ) {
    this.maxPosition = db.prepare('SELECT COALESCE(MAX(position), 0) FROM events').pluck();
    this.streamRevision = db.prepare('SELECT MAX(revision) FROM events WHERE stream = ?').pluck();
    this.findEvent = db.prepare('SELECT stream, revision, position FROM events WHERE event_id = ?');
    this.hashAt = hashHexStatement(db);
    this.insert = db.prepare(
      `INSERT INTO events (position, event_id, stream, revision, type, data, metadata, recorded_at, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, unhex(?))`,
    );
    this.appendOne = db.transaction((pending, firstPosition, recordedAt) => {
      let next = firstPosition;
      return pending.parts.map((part) => {
        const result = this.write(part, next, recordedAt);
        next = Math.max(next, Number(result.position) + 1);
        return result;
      });
    });
    this.commitBatch = db.transaction((batch) => {
      const recordedAt = new Date().toISOString();
      // Explicit counter: read once under the write lock, advanced only by appends that commit.
      let next = (this.maxPosition.get() as number) + 1;
      // The chain's tip, like the counter, is read under the write lock and advanced only by
      // appends that commit: a refused append's savepoint rolls back its rows and its hashes.
      let tip = this.hashAt(next - 1);
      return batch.map((pending): Outcome => {
        this.chainTip = tip;
        this.written = new Map();
        try {
          const results = this.appendOne(pending, next, recordedAt);
          for (const result of results) next = Math.max(next, Number(result.position) + 1);
          tip = this.chainTip;
          return { ok: true, results, written: this.written };
        } catch (error) {
          return { ok: false, error };
        }
      });
    });
  }

  append(parts: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (this.closed) return Promise.reject(new ShuttingDownError('SqliteEventStore'));
    return new Promise((resolve, reject) => {
      this.queue.push({ parts, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  /** Commits what is queued, then refuses further appends. */
  close(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.flush();
    this.closed = true;
  }

  private flush(): void {
    this.scheduled = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commitBatch.immediate(batch);
    } catch (error) {
      // The transaction itself failed (busy, I/O): nothing of the batch was committed.
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.counters.commits += 1;
    const written: Written = new Map();
    for (const outcome of outcomes) {
      if (outcome.ok)
        for (const [stream, revision] of outcome.written) written.set(stream, revision);
    }
    this.onCommitted(written);
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) {
        this.counters.appends += 1;
        pending.resolve(outcome.results);
      } else pending.reject(outcome.error);
    });
  }

  private write(part: StreamAppend, firstPosition: number, recordedAt: string): AppendResult {
    const { stream, events, expectedRevision } = part;
    const replay = this.idempotentResult(stream, events);
    if (replay) return replay;
    const current = this.streamRevision.get(stream) as number | null;
    const conflict =
      (expectedRevision === NO_STREAM && current !== null) ||
      (typeof expectedRevision === 'number' && current !== expectedRevision);
    if (conflict) {
      throw new ConcurrencyError(`stream ${stream} is not at the expected revision`, {
        stream,
        expectedRevision,
        actualRevision: current ?? NO_STREAM,
      });
    }
    let revision = current ?? -1;
    let position = firstPosition - 1;
    for (const event of events) {
      revision += 1;
      position += 1;
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      const { type } = event;
      const fields = { stream, revision, type, data, metadata, recordedAt };
      if (this.chained) this.chainTip = chainHashHex(this.chainTip, fields);
      this.insert.run(
        position,
        event.metadata.eventId,
        stream,
        revision,
        type,
        data,
        metadata,
        recordedAt,
        this.chained ? this.chainTip : null,
      );
    }
    this.written.set(stream, revision);
    return { nextExpectedRevision: revision, position: BigInt(position) as GlobalPosition };
  }

  /**
   * A retried command re-appends the events it appended the first time (same ids): answer
   * as the first time did. A batch only partly present means the caller raced itself.
   */
  private idempotentResult(stream: string, events: readonly NewEvent[]): AppendResult | null {
    if (events.length === 0) return null;
    const present = events
      .map((event) => this.findEvent.get(event.metadata.eventId) as PresentEvent | undefined)
      .filter((row): row is PresentEvent => row !== undefined);
    if (present.length === 0) return null;
    if (present.length < events.length || present.some((row) => row.stream !== stream)) {
      throw new ConcurrencyError(`some events of this append are already in the log`, {
        stream,
        present: present.length,
        of: events.length,
      });
    }
    return {
      nextExpectedRevision: Math.max(...present.map((row) => row.revision)),
      position: BigInt(Math.max(...present.map((row) => row.position))) as GlobalPosition,
    };
  }
}
