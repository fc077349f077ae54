import {
  Checkpoint,
  Document,
  Filter,
  FindOptions,
  Page,
  ProjectionBatch,
  ReadModelStore,
  changedDocument,
} from '@hub/read-store';
import { findInMemory, matchesFilter } from '../memory-query';
import { SnapshotRow, findEvery, rowsAt, snapshotRows } from './snapshot-layout';

/**
 * A build's documents as they stood at snapshot `seq`, with the changes of the events folded
 * after it on top (in memory): the store an as-of answer's query reads. Only what a query asks
 * for is read from the snapshot — its filter (on the rows' indexes) or its ids — and nothing
 * is ever written to the read store. Collections are named as the build's (`prefix_name`).
 */
export class SnapshotViewStore implements ReadModelStore {
  /** Documents the folded events wrote (null: deleted), by physical collection. */
  private readonly overlay = new Map<string, Map<string, Document | null>>();

  constructor(
    private readonly store: ReadModelStore,
    private readonly prefix: string,
    private readonly seq: number,
  ) {}

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    return ((await this.getMany<T>(collection, [id]))[0] as T | undefined) ?? null;
  }

  async getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    const found = await this.byId(collection, ids);
    // As the memory store answers (a fold's): in the order asked, repeats included.
    return ids.flatMap((id) => (found.has(id) ? [structuredClone(found.get(id)) as T] : []));
  }

  /** The folded events' prefetch reads documents as text (see prefetchDocs). */
  async getManyJson(collection: string, ids: readonly string[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    for (const [id, doc] of await this.byId(collection, ids)) texts.set(id, JSON.stringify(doc));
    return texts;
  }

  async find<T extends Document>(collection: string, options: FindOptions = {}): Promise<Page<T>> {
    return findInMemory<T>(await this.matching(collection, options.filter), options);
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    return (await this.matching(collection, filter)).size;
  }

  async ensureIndex(): Promise<void> {}

  async put(collection: string, id: string, doc: Document): Promise<void> {
    this.write(collection, id, doc);
  }

  async delete(collection: string, id: string): Promise<void> {
    this.write(collection, id, null);
  }

  async dropCollection(): Promise<void> {
    throw new Error('a snapshot view is not dropped');
  }

  async applyBatch(batch: ProjectionBatch): Promise<void> {
    for (const change of batch.changes)
      this.write(
        change.collection,
        change.id,
        change.kind === 'delete' ? null : structuredClone(changedDocument(change)),
      );
  }

  async getCheckpoint(): Promise<Checkpoint | null> {
    return null;
  }

  async deleteCheckpoint(): Promise<void> {}

  async ping(): Promise<boolean> {
    return this.store.ping();
  }

  async close(): Promise<void> {}

  private async byId(collection: string, ids: readonly string[]): Promise<Map<string, Document>> {
    const changed = this.overlay.get(collection);
    const unread = [...new Set(ids)].filter((id) => !changed?.has(id));
    const found = new Map(
      unread.length > 0 ? await this.snapshotDocs(collection, { _doc: { $in: unread } }) : [],
    );
    for (const id of ids) {
      const doc = changed?.get(id);
      if (doc) found.set(id, doc);
    }
    return found;
  }

  /** The documents matching `filter`: the snapshot's not overwritten since, then the overlay's. */
  private async matching(collection: string, filter?: Filter): Promise<Map<string, Document>> {
    const changed = this.overlay.get(collection);
    const docs = new Map<string, Document>();
    for (const [id, doc] of await this.snapshotDocs(collection, rowsAt(this.seq, filter)))
      if (!changed?.has(id)) docs.set(id, doc);
    for (const [id, doc] of changed ?? []) if (doc && matchesFilter(doc, filter)) docs.set(id, doc);
    return docs;
  }

  /** The snapshot's rows matching `rows` (a filter on the rows themselves). */
  private async snapshotDocs(collection: string, rows: Filter): Promise<[string, Document][]> {
    const filter = { ...rowsAt(this.seq), ...rows };
    const table = snapshotRows(this.prefix, collection.slice(this.prefix.length + 1));
    const found = await findEvery<SnapshotRow>(this.store, table, filter);
    return found.map((row) => [row._doc, row._d]);
  }

  private write(collection: string, id: string, doc: Document | null): void {
    let docs = this.overlay.get(collection);
    if (!docs) this.overlay.set(collection, (docs = new Map()));
    docs.set(id, doc);
  }
}
