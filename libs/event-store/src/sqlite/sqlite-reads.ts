import Database from 'better-sqlite3';
import {
  EventFilter,
  GlobalPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port';
import { NO_UPCASTERS, Upcasters } from '../upcasting/upcasters';
import { DeferredMetadataEvent, EVENT_COLUMNS, EventRow, toRecordedEvent } from './sqlite-schema';
import { StreamHeads } from './sqlite-stream-heads';

// The highest code point: `stream < prefix || MAX_CHAR` keeps a prefix filter on the
// (stream, revision) index instead of a LIKE, whose ASCII case folding would be wrong here.
const MAX_CHAR = '\u{10FFFF}';

/**
 * Read queries over the `events` table; statements are prepared once per filter shape. Every
 * event read leaves in its type's current shape (`Upcasters`).
 */
export class SqliteEventReads {
  private readonly forwards: Database.Statement;
  private readonly backwards: Database.Statement;
  private readonly head: Database.Statement;
  private readonly countFrom: Database.Statement;
  /** Whether positions run 1, 2, 3… without a gap (checked once; appends keep it so). */
  private gapless?: boolean;
  private readonly allByShape = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly upcasters: Upcasters = NO_UPCASTERS,
    /** Heads this connection knows (its appends report theirs): reads past them are skipped. */
    readonly heads = new StreamHeads(db),
  ) {
    this.forwards = db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw();
    this.backwards = db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw();
    this.head = db.prepare('SELECT MAX(position) FROM events').pluck();
    this.countFrom = db
      .prepare('SELECT count(*) FROM (SELECT 1 FROM events WHERE position >= ? LIMIT ?)')
      .pluck();
  }

  readStream(stream: string, options: ReadStreamOptions = {}): RecordedEvent[] {
    const limit = options.maxCount ?? -1;
    if (options.direction === 'backwards') {
      const from = options.fromRevision ?? Number.MAX_SAFE_INTEGER;
      return this.recorded(this.backwards.all(stream, from, limit) as EventRow[]);
    }
    const from = options.fromRevision ?? 0;
    const toTheEnd = limit < 0;
    if (toTheEnd && this.heads.knownEmptyFrom(stream, from)) return [];
    const rows = this.forwards.all(stream, from, limit) as EventRow[];
    if (toTheEnd) this.heads.readTo(stream, lastRevision(rows) ?? from - 1);
    return this.recorded(rows);
  }

  private recorded(rows: EventRow[]): RecordedEvent[] {
    return this.upcasters.upcastAll(rows.map(toRecordedEvent));
  }

  /** Events at or after `fromPosition` (inclusive), in log order. */
  readAll(options: ReadAllOptions = {}): RecordedEvent[] {
    const from = options.fromPosition === undefined ? 0 : Number(options.fromPosition);
    const rows = this.rowsFrom(from, options.maxCount ?? -1, options.filter);
    return this.upcasters.upcastAll(
      options.deferMetadata
        ? rows.map((row) => new DeferredMetadataEvent(row))
        : rows.map(toRecordedEvent),
    );
  }

  /** Events strictly after `position` (a subscription's next page). */
  readAfter(position: bigint, maxCount: number, filter?: EventFilter): RecordedEvent[] {
    return this.upcasters.upcastAll(
      this.rowsFrom(Number(position) + 1, maxCount, filter).map(toRecordedEvent),
    );
  }

  /**
   * Events after `position` (at most `limit`). Appends write max + 1, so a log that starts
   * gapless stays so and the count is a subtraction; counting rows cost a scan of the rest of
   * the log, which progress reports and lag figures repeated every few seconds.
   */
  countAfter(position: bigint, limit = -1): number {
    this.gapless ??=
      this.db
        .prepare(
          'SELECT count(*) = coalesce(max(position), 0) AND coalesce(min(position), 1) >= 1 FROM events',
        )
        .pluck()
        .get() === 1;
    if (!this.gapless) return this.countFrom.get(Number(position) + 1, limit) as number;
    const after = Math.max(0, Number(this.headPosition() ?? 0n) - Math.max(0, Number(position)));
    return limit < 0 ? after : Math.min(after, limit);
  }

  headPosition(): GlobalPosition | null {
    const head = this.head.get() as number | null;
    return head === null ? null : (BigInt(head) as GlobalPosition);
  }

  private rowsFrom(from: number, maxCount: number, filter?: EventFilter): EventRow[] {
    const types = filter?.eventTypes ?? [];
    const prefixes = filter?.streamPrefixes ?? [];
    // An explicitly empty list matches nothing, as "only events of these (no) types" says.
    if ((filter?.eventTypes && types.length === 0) || (filter?.streamPrefixes && !prefixes.length))
      return [];
    const params: (string | number)[] = [from];
    for (const type of types) params.push(type);
    for (const prefix of prefixes) params.push(prefix, prefix + MAX_CHAR);
    params.push(maxCount);
    return this.statementFor(types.length, prefixes.length).all(...params) as EventRow[];
  }

  private statementFor(typeCount: number, prefixCount: number): Database.Statement {
    const key = `${typeCount}:${prefixCount}`;
    let statement = this.allByShape.get(key);
    if (!statement) {
      const where = ['position >= ?'];
      // `+type` keeps SQLite on the primary key: walking positions in order and stopping at
      // LIMIT is linear over a catch-up, while the (type, position) index would gather and
      // sort every remaining match of the types on each page (quadratic over a long log).
      if (typeCount > 0) where.push(`+type IN (${Array(typeCount).fill('?').join(', ')})`);
      if (prefixCount > 0)
        where.push(`(${Array(prefixCount).fill('(stream >= ? AND stream < ?)').join(' OR ')})`);
      statement = this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`,
        )
        .raw();
      this.allByShape.set(key, statement);
    }
    return statement;
  }
}

/** The revision of the last of `rows` (read in stream order), if any. */
function lastRevision(rows: readonly EventRow[]): number | undefined {
  if (rows.length === 0) return undefined;
  const [, , revision] = rows[rows.length - 1];
  return revision;
}
