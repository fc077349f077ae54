import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  Checkpoint,
  Document,
  Filter,
  FindOptions,
  Page,
  ProjectionBatch,
  ReadModelStore,
} from '../read-model-store.port';
import { changedJson, coalesceChanges, parsePosition } from '../shared/batch';
import { decodeCursor, encodeCursor, keysetBranches } from '../shared/cursor';
import {
  assertCollection,
  assertDocument,
  assertFieldPath,
  assertId,
  ReadStoreUsageError,
} from '../shared/identifiers';
import { parseFilter, parseLimit, parseSort } from '../shared/query';
import { openCollection, SqliteCollection } from './sqlite-collection';
import { buildOrderBy, buildWhere, fieldExpr } from './sqlite-query';

/** Options of `SqliteReadModelStore`. */
export interface SqliteReadModelStoreOptions {
  /** Database file (e.g. `<DATA_DIR>/read-models.sqlite`), or `':memory:'`. */
  file: string;
  /**
   * Default NORMAL: in WAL mode a power loss may drop the last commits, which is acceptable
   * here because read models are rebuildable from the event store and the checkpoint is
   * committed in the same transaction as the documents, so both roll back together.
   */
  synchronous?: 'OFF' | 'NORMAL' | 'FULL';
  /** SQLite's page cache for the connection, in MiB (default `READ_STORE_CACHE_MIB`). */
  cacheMiB?: number;
}

/**
 * A rebuild writes documents in event order, which lands on random pages of the id and query
 * indexes; with SQLite's default 2 MB cache most writes miss once the file outgrows it
 * (bench:projections, 1M events: 39.9 s with 2 MB, 34.5 s with 256 MiB).
 */
export const READ_STORE_CACHE_MIB = 256;

const INT64_MAX = (1n << 63n) - 1n;
const MAX_CACHED_QUERIES = 256;

/** The embedded read-model store: one SQLite table of JSON documents per collection. */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, SqliteCollection>();
  private readonly queries = new Map<string, Database.Statement>();
  private readonly commitBatch: (batch: ProjectionBatch) => void;

  constructor(options: SqliteReadModelStoreOptions) {
    this.db = new Database(options.file, { timeout: 10_000 });
    if (options.file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma(`cache_size = -${(options.cacheMiB ?? READ_STORE_CACHE_MIB) * 1024}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
      projection TEXT PRIMARY KEY, position TEXT, updated_at TEXT NOT NULL)`);
    const saveCheckpoint = this.db.prepare(
      `INSERT INTO checkpoints (projection, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    // Documents and checkpoint commit together: a crash leaves both before or both after.
    this.commitBatch = this.db.transaction((batch: ProjectionBatch) => {
      const position = parsePosition(batch.checkpoint);
      if (position > INT64_MAX) throw new ReadStoreUsageError('position exceeds SQLite INTEGER');
      for (const change of coalesceChanges(batch)) {
        const collection = this.collection(change.collection);
        if (change.kind === 'delete') collection.deleteAt.run(change.id, position);
        else collection.putAt.run(change.id, changedJson(change), position);
      }
      saveCheckpoint.run(batch.projection, batch.checkpoint, new Date().toISOString());
    });
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const row = this.collection(collection).get.get(assertId(id));
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    const byId = await this.getManyJson(collection, ids);
    // In the order asked for, each found document once.
    return [...new Set(ids)].flatMap((id) =>
      byId.has(id) ? [JSON.parse(byId.get(id)!) as T] : [],
    );
  }

  async getManyJson(collection: string, ids: readonly string[]): Promise<Map<string, string>> {
    ids.forEach(assertId);
    const rows = this.collection(collection).getMany.all(JSON.stringify(ids));
    return new Map(rows.map((row) => [row.id, row.doc]));
  }

  async find<T extends Document>(collection: string, options: FindOptions = {}): Promise<Page<T>> {
    const { table } = this.collection(collection);
    const sort = parseSort(options.sort);
    const limit = parseLimit(options.limit);
    const keyset = options.cursor
      ? keysetBranches(sort, decodeCursor(sort, options.cursor))
      : undefined;
    const where = buildWhere(parseFilter(options.filter), keyset);
    const sql = `SELECT id, doc FROM "${table}" ${where.sql} ${buildOrderBy(sort)}${
      limit === undefined ? '' : ` LIMIT ${limit + 1}`
    }`;
    const rows = this.query(sql).all(...where.params) as { id: string; doc: string }[];
    const more = limit !== undefined && rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const items = pageRows.map((row) => JSON.parse(row.doc) as T);
    if (!more) return { items };
    const last = pageRows[pageRows.length - 1];
    return { items, nextCursor: encodeCursor(sort, items[items.length - 1], last.id) };
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    const { table } = this.collection(collection);
    const where = buildWhere(parseFilter(filter));
    const row = this.query(`SELECT count(*) AS n FROM "${table}" ${where.sql}`).get(
      ...where.params,
    ) as { n: number };
    return row.n;
  }

  async ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    if (fields.length === 0) throw new ReadStoreUsageError('an index needs at least one field');
    fields.forEach(assertFieldPath);
    const { table } = this.collection(collection);
    const hash = createHash('sha1').update(fields.join(',')).digest('hex').slice(0, 12);
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS "ix_${table}_${hash}" ON "${table}" (${fields.map(fieldExpr).join(', ')})`,
    );
  }

  async put(collection: string, id: string, doc: Document): Promise<void> {
    this.collection(collection).put.run(assertId(id), JSON.stringify(assertDocument(doc)));
  }

  async delete(collection: string, id: string): Promise<void> {
    this.collection(collection).delete.run(assertId(id));
  }

  async dropCollection(collection: string): Promise<void> {
    assertCollection(collection);
    this.collections.delete(collection);
    this.queries.clear();
    this.db.exec(`DROP TABLE IF EXISTS "rm_${collection}"`);
  }

  async applyBatch(batch: ProjectionBatch): Promise<void> {
    this.commitBatch(batch);
  }

  async getCheckpoint(projection: string): Promise<Checkpoint | null> {
    const row = this.query(
      'SELECT projection, position, updated_at FROM checkpoints WHERE projection = ?',
    ).get(projection) as
      { projection: string; position: string | null; updated_at: string } | undefined;
    return row
      ? { projection: row.projection, position: row.position, updatedAt: row.updated_at }
      : null;
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    this.query('DELETE FROM checkpoints WHERE projection = ?').run(projection);
  }

  async ping(): Promise<boolean> {
    try {
      return this.db.open && this.query('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private collection(name: string): SqliteCollection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = openCollection(this.db, assertCollection(name));
      this.collections.set(name, collection);
    }
    return collection;
  }

  /** Find and count SQL depends only on the shape of the query, so statements are reused. */
  private query(sql: string): Database.Statement {
    let statement = this.queries.get(sql);
    if (!statement) {
      if (this.queries.size >= MAX_CACHED_QUERIES) this.queries.clear();
      statement = this.db.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }
}
