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
import { isLeaseLost, Lease, LeaseLostError, LeaseStore } from '../lease.port';
import { decodeCursor, encodeCursor, keysetBranches } from '../shared/cursor';
import {
  assertDocument,
  assertFieldPath,
  assertId,
  ReadStoreUsageError,
} from '../shared/identifiers';
import { parseFilter, parseLimit, parseSort } from '../shared/query';
import { batchSteps } from './sqlite-batch-steps';
import {
  collectionSql,
  collectionTable,
  sqlOfCollection,
  openCollection,
  SqliteCollection,
} from './sqlite-collection';
import { buildOrderBy, buildWhere, fieldExpr } from './sqlite-query';
import { fenceStep, SqliteLeases } from './sqlite-leases';
import { SqliteThreadWriter } from './sqlite-thread-writer';
import { InProcessWriter, openReadStoreDatabase, SqliteWriter } from './sqlite-writes';

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
  /** SQLite's page cache of each connection (reads, writer thread), in MiB (default `READ_STORE_CACHE_MIB`). */
  cacheMiB?: number;
  /**
   * Writes go to a worker thread with a connection of its own (default for a file; an
   * in-memory database is written in process). See `SqliteThreadWriter`.
   */
  writerThread?: boolean;
  /** The clock leases are timed by (default the system's). */
  now?: () => number;
}

/**
 * A rebuild writes documents in event order, which lands on random pages of the id and query
 * indexes; with SQLite's default 2 MB cache most writes miss once the file outgrows it
 * (bench:projections, 1M events: 39.9 s with 2 MB, 34.5 s with 256 MiB).
 */
export const READ_STORE_CACHE_MIB = 256;

const MAX_CACHED_QUERIES = 256;
const CHECKPOINTS_TABLE = `CREATE TABLE IF NOT EXISTS checkpoints (
  projection TEXT PRIMARY KEY, position TEXT, updated_at TEXT NOT NULL)`;

/**
 * The embedded read-model store: one SQLite table of JSON documents per collection. Reads run
 * on the caller's connection; every write goes through one `SqliteWriter`, in the order asked.
 */
export class SqliteReadModelStore implements ReadModelStore, LeaseStore {
  private readonly db: Database.Database;
  private readonly writer: SqliteWriter;
  private readonly leases: SqliteLeases;
  private readonly collections = new Map<string, SqliteCollection>();
  private readonly queries = new Map<string, Database.Statement>();

  constructor(options: SqliteReadModelStoreOptions) {
    const opened = {
      file: options.file,
      synchronous: options.synchronous ?? 'NORMAL',
      cacheMiB: options.cacheMiB ?? READ_STORE_CACHE_MIB,
    };
    this.db = openReadStoreDatabase(opened);
    this.db.exec(CHECKPOINTS_TABLE);
    const threaded = (options.writerThread ?? true) && options.file !== ':memory:';
    this.writer = threaded ? new SqliteThreadWriter(opened) : new InProcessWriter(this.db);
    this.leases = new SqliteLeases(this.db, this.writer, options.now ?? Date.now);
  }

  acquireLease(name: string, holder: string, leaseMs?: number): Promise<Lease | null> {
    return this.leases.acquireLease(name, holder, leaseMs);
  }

  renewLease(lease: Lease, leaseMs?: number): Promise<Lease | null> {
    return this.leases.renewLease(lease, leaseMs);
  }

  releaseLease(lease: Lease): Promise<void> {
    return this.leases.releaseLease(lease);
  }

  listLeases(): Promise<Lease[]> {
    return this.leases.listLeases();
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const row = (await this.collection(collection)).get.get(assertId(id));
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    const byId = await this.getManyJson(collection, ids);
    // In the order asked for, each found document once.
    const documents: T[] = [];
    for (const id of new Set(ids)) {
      const text = byId.get(id);
      if (text !== undefined) documents.push(JSON.parse(text) as T);
    }
    return documents;
  }

  async getManyJson(collection: string, ids: readonly string[]): Promise<Map<string, string>> {
    ids.forEach(assertId);
    const rows = (await this.collection(collection)).getMany.all(JSON.stringify(ids));
    return new Map(rows.map((row) => [row.id, row.doc]));
  }

  async find<T extends Document>(collection: string, options: FindOptions = {}): Promise<Page<T>> {
    const { table } = await this.collection(collection);
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
    const { table } = await this.collection(collection);
    const where = buildWhere(parseFilter(filter));
    const row = this.query(`SELECT count(*) AS n FROM "${table}" ${where.sql}`).get(
      ...where.params,
    ) as { n: number };
    return row.n;
  }

  async ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    if (fields.length === 0) throw new ReadStoreUsageError('an index needs at least one field');
    fields.forEach(assertFieldPath);
    const table = collectionTable(collection);
    const hash = createHash('sha1').update(fields.join(',')).digest('hex').slice(0, 12);
    await this.writer.write([
      { sql: collectionSql(table).create },
      {
        sql: `CREATE INDEX IF NOT EXISTS "ix_${table}_${hash}" ON "${table}" (${fields.map(fieldExpr).join(', ')})`,
      },
    ]);
  }

  async put(collection: string, id: string, doc: Document): Promise<void> {
    const sql = sqlOfCollection(collection);
    const json = JSON.stringify(assertDocument(doc));
    await this.writer.write([
      { sql: sql.create },
      { sql: sql.put, constants: [assertId(id), json] },
    ]);
  }

  async delete(collection: string, id: string): Promise<void> {
    const sql = sqlOfCollection(collection);
    await this.writer.write([{ sql: sql.create }, { sql: sql.delete, constants: [assertId(id)] }]);
  }

  async dropCollection(collection: string): Promise<void> {
    const table = collectionTable(collection);
    this.collections.delete(collection);
    this.queries.clear();
    await this.writer.write([{ sql: `DROP TABLE IF EXISTS "${table}"`, truncateWal: true }]);
  }

  /**
   * Documents and checkpoint commit in one transaction: a crash leaves both before or both
   * after. A fenced batch checks its token first, in that same transaction.
   */
  async applyBatch(batch: ProjectionBatch): Promise<void> {
    const steps = batchSteps(batch);
    try {
      await this.writer.write(batch.fence ? [fenceStep(batch.fence), ...steps] : steps);
    } catch (error) {
      if (batch.fence && isLeaseLost(error)) throw new LeaseLostError(batch.fence);
      throw error;
    }
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
    await this.writer.write([
      { sql: 'DELETE FROM checkpoints WHERE projection = ?', constants: [projection] },
    ]);
  }

  async ping(): Promise<boolean> {
    try {
      return this.db.open && this.query('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }

  /** The collection's read statements; its table is created (by the writer) when missing. */
  private async collection(name: string): Promise<SqliteCollection> {
    let collection = this.collections.get(name);
    if (!collection) {
      await this.writer.write([{ sql: sqlOfCollection(name).create }]);
      collection = openCollection(this.db, name);
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
