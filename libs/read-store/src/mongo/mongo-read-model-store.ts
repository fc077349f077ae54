import { Collection, Db, MongoClient, MongoServerError } from 'mongodb';
import {
  Checkpoint,
  Document,
  Filter,
  FindOptions,
  Page,
  ProjectionBatch,
  ReadModelStore,
} from '../read-model-store.port';
import { coalesceChanges, parsePosition, sortablePosition } from '../shared/batch';
import { decodeCursor, encodeCursor, keysetBranches } from '../shared/cursor';
import {
  assertCollection,
  assertDocument,
  assertFieldPath,
  assertId,
  ReadStoreUsageError,
} from '../shared/identifiers';
import { parseFilter, parseLimit, parseSort } from '../shared/query';
import { Lease, LeaseLostError, LeaseStore } from '../lease.port';
import { KnownPositions } from './known-positions';
import { writeChanges } from './mongo-batch';
import { MongoLeases, StoredLeaseDocument } from './mongo-leases';
import { buildQuery, buildSort, StoredDocument, toDocument } from './mongo-query';

/** Options of `MongoReadModelStore`. */
export interface MongoReadModelStoreOptions {
  database: string;
  /** Prepended to every collection name, e.g. `rm_` (default none). */
  prefix?: string;
  /** Close the client on `close()` (true when the store opened it itself). */
  closeClient?: boolean;
  /** The clock leases are timed by (default the system's). */
  now?: () => number;
}

interface StoredCheckpoint {
  _id: string;
  position: string | null;
  updatedAt: string;
  /** The fencing token of the last fenced batch: an older token cannot move the checkpoint. */
  fence?: number;
}

const NAMESPACE_NOT_FOUND = 26;
const DUPLICATE_KEY = 11000;

/**
 * The production read-model store on MongoDB. Uses neither multi-document transactions nor
 * change streams, so it also runs on FerretDB 1.x: crash safety comes from per-document
 * positions (see `writeChanges`) and from writing the checkpoint after the documents.
 */
export class MongoReadModelStore implements ReadModelStore, LeaseStore {
  private readonly db: Db;
  private readonly prefix: string;
  private readonly leases: MongoLeases;
  private readonly now: () => number;
  private readonly known = new KnownPositions();
  readonly costlyUpdates = true;

  constructor(
    private readonly client: MongoClient,
    private readonly options: MongoReadModelStoreOptions,
  ) {
    this.db = client.db(options.database);
    this.prefix = options.prefix ?? '';
    this.now = options.now ?? Date.now;
    this.leases = new MongoLeases(
      this.db.collection<StoredLeaseDocument>(`${this.prefix}_leases`),
      this.now,
    );
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

  /** Connects to `url` and returns a store that owns (and closes) the client. */
  static async connect(
    url: string,
    options: Omit<MongoReadModelStoreOptions, 'closeClient'>,
  ): Promise<MongoReadModelStore> {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
    await client.connect();
    return new MongoReadModelStore(client, { ...options, closeClient: true });
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const stored = await this.collection(collection).findOne({ _id: assertId(id) });
    this.known.set(collection, id, stored ? (stored._pos ?? '') : null);
    return stored ? toDocument<T>(stored) : null;
  }

  async getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    ids.forEach(assertId);
    const c = this.collection(collection);
    if (ids.length === 0) return [];
    const found = await c.find({ _id: { $in: [...new Set(ids)] } }).toArray();
    const byId = new Map(found.map((stored) => [stored._id, stored]));
    // What a batch about to write these documents checks its positions against (see writeChanges).
    for (const id of ids)
      this.known.set(collection, id, byId.get(id)?._pos ?? (byId.has(id) ? '' : null));
    // In the order asked for, each found document once.
    return [...new Set(ids)].flatMap((id) => {
      const stored = byId.get(id);
      return stored ? [toDocument<T>(stored)] : [];
    });
  }

  async find<T extends Document>(collection: string, options: FindOptions = {}): Promise<Page<T>> {
    const c = this.collection(collection);
    const sort = parseSort(options.sort);
    const limit = parseLimit(options.limit);
    const keyset = options.cursor
      ? keysetBranches(sort, decodeCursor(sort, options.cursor))
      : undefined;
    let cursor = c.find(buildQuery(parseFilter(options.filter), keyset)).sort(buildSort(sort));
    if (limit !== undefined) cursor = cursor.limit(limit + 1);
    const rows = await cursor.toArray();
    const more = limit !== undefined && rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const items = pageRows.map((stored) => toDocument<T>(stored));
    if (!more) return { items };
    const last = pageRows[pageRows.length - 1];
    return { items, nextCursor: encodeCursor(sort, items[items.length - 1], last._id) };
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    return this.collection(collection).countDocuments(buildQuery(parseFilter(filter)));
  }

  async ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    if (fields.length === 0) throw new ReadStoreUsageError('an index needs at least one field');
    const keys = Object.fromEntries(fields.map((field) => [assertFieldPath(field), 1 as const]));
    await this.collection(collection).createIndex(keys);
  }

  async put(collection: string, id: string, doc: Document): Promise<void> {
    // Outside a batch: unconditional, and the stored position becomes unknown.
    const filter = { _id: assertId(id) };
    const replacement = assertDocument(doc);
    // A concurrent put of a new id may insert first: this one then replaces it (came second).
    await upsertRacing(() =>
      this.collection(collection).replaceOne(filter, replacement, { upsert: true }),
    );
    this.known.set(collection, id, '');
  }

  async delete(collection: string, id: string): Promise<void> {
    await this.collection(collection).deleteOne({ _id: assertId(id) });
    this.known.set(collection, id, null);
  }

  async dropCollection(collection: string): Promise<void> {
    this.known.forget(collection);
    try {
      await this.collection(collection).drop();
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
    }
  }

  /**
   * A fenced batch is refused before its first write when its token is stale, and its checkpoint
   * only moves while no newer token has moved it (so a holder that lost its lease between the
   * check and the checkpoint fails there: documents it wrote are replayed by the new holder).
   */
  async applyBatch(batch: ProjectionBatch): Promise<void> {
    if (batch.fence) await this.leases.checkFence(batch.fence);
    const position = parsePosition(batch.checkpoint);
    for (const [collection, group] of coalesceChanges(batch)) {
      await writeChanges(
        this.collection(collection),
        collection,
        group,
        batch.checkpoint,
        sortablePosition(position),
        this.known,
      );
    }
    // Only after every document: a crash before this line replays the batch, harmlessly.
    await this.saveCheckpoint(batch);
  }

  private async saveCheckpoint({ projection, checkpoint, fence }: ProjectionBatch): Promise<void> {
    const updatedAt = new Date().toISOString();
    if (!fence) {
      // Every api process writes the notification outbox's checkpoint: two first ones may race.
      await upsertRacing(() =>
        this.checkpoints().updateOne(
          { _id: projection },
          { $set: { position: checkpoint, updatedAt } },
          { upsert: true },
        ),
      );
      return;
    }
    try {
      // Fails to match a checkpoint a newer token wrote; the upsert then collides on `_id`.
      await this.checkpoints().updateOne(
        { _id: projection, $or: [{ fence: { $exists: false } }, { fence: { $lte: fence.token } }] },
        { $set: { position: checkpoint, updatedAt, fence: fence.token } },
        { upsert: true },
      );
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY)
        throw new LeaseLostError(fence);
      throw error;
    }
  }

  async getCheckpoint(projection: string): Promise<Checkpoint | null> {
    const stored = await this.checkpoints().findOne({ _id: projection });
    return stored
      ? { projection: stored._id, position: stored.position, updatedAt: stored.updatedAt }
      : null;
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    await this.checkpoints().deleteOne({ _id: projection });
  }

  async ping(): Promise<boolean> {
    try {
      const answer = await this.db.command({ ping: 1 });
      return answer.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.options.closeClient) await this.client.close();
  }

  private collection(name: string): Collection<StoredDocument> {
    // ignoreUndefined: store what JSON would, so both adapters return the same documents.
    return this.db.collection<StoredDocument>(`${this.prefix}${assertCollection(name)}`, {
      ignoreUndefined: true,
    });
  }

  /** Collection names start with a letter, so `<prefix>_checkpoints` cannot collide with one. */
  private checkpoints(): Collection<StoredCheckpoint> {
    return this.db.collection<StoredCheckpoint>(`${this.prefix}_checkpoints`);
  }
}

/**
 * Runs an upsert, and once more when a concurrent upsert of the same new `_id` inserted first
 * (the loser's insert collides on `_id`): the document exists now, so the retry updates it.
 */
async function upsertRacing<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    return upsert();
  }
}
