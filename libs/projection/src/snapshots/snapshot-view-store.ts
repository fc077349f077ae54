import {
  Checkpoint,
  Document,
  Filter,
  FindOptions,
  Page,
  ProjectionBatch,
  ReadModelStore,
} from '@hub/read-store';
import { HeldDocuments } from '../held-documents';
import { findInMemory, matchesFilter } from '../memory-query';
import { physicalCollection } from '../projection';
import { SnapshotRow, findEvery, rowsAt, snapshotRows } from './snapshot-layout';

/** A document the folded events wrote: its text until a query reads it (null: deleted). */
type Written = string | Readonly<Document> | null;

/**
 * A build's documents as they stood at snapshot `seq`, with the changes of the events folded
 * after it on top (in memory): the store an as-of answer's query reads. Only what a query asks
 * for is read from the snapshot — its filter (on the rows' indexes) or its ids — and nothing
 * is ever written to the read store. Collections are named as the build's (`prefix_name`).
 * Rows are looked up by their keys up to `maxLevel` (snapshot-layout.ts).
 */
export class SnapshotViewStore implements ReadModelStore {
  /** Documents the folded events wrote, by physical collection. */
  private readonly overlay = new Map<string, Map<string, Written>>();

  constructor(
    private readonly store: ReadModelStore,
    private readonly prefix: string,
    private readonly seq: number,
    private readonly maxLevel: number,
  ) {}

  /**
   * Lays what the folded events wrote over the snapshot, as they hold it: objects as they are
   * (with their id, as stored documents carry it), texts parsed when a query reads them.
   */
  overlayHeld(held: HeldDocuments): void {
    for (const [collection, id, doc] of held.writtenDocuments())
      this.write(
        physicalCollection(this.prefix, collection),
        id,
        doc === null || typeof doc === 'string' || doc.id === id ? doc : { ...doc, id },
      );
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    return ((await this.getMany<T>(collection, [id]))[0] as T | undefined) ?? null;
  }

  async getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    const found = await this.byId(collection, ids);
    // As the memory store answers (a fold's): in the order asked, repeats included.
    return ids.flatMap((id) => (found.has(id) ? [structuredClone(found.get(id)) as T] : []));
  }

  async find<T extends Document>(collection: string, options: FindOptions = {}): Promise<Page<T>> {
    return findInMemory<T>(await this.matching(collection, options.filter), options);
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    return (await this.matching(collection, filter)).size;
  }

  async ensureIndex(): Promise<void> {}

  async put(collection: string, id: string, doc: Document): Promise<void> {
    this.write(collection, id, structuredClone(doc));
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
        change.kind === 'delete'
          ? null
          : change.kind === 'putJson'
            ? change.json
            : structuredClone(change.doc),
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

  /**
   * The documents of these ids, as objects: also a fold's prefetch source (prefetchDocs), so no
   * text is made of the snapshot's documents and parsed again when an event reads them.
   */
  async byId(collection: string, ids: readonly string[]): Promise<Map<string, Document>> {
    const changed = this.overlay.get(collection);
    const unread = [...new Set(ids)].filter((id) => !changed?.has(id));
    const found = new Map(
      unread.length > 0
        ? await this.snapshotDocs(collection, {
            ...rowsAt(this.seq, this.maxLevel),
            _doc: { $in: unread },
          })
        : [],
    );
    for (const id of ids) {
      const doc = this.written(collection, id);
      if (doc) found.set(id, doc);
    }
    return found;
  }

  /** The documents matching `filter`: the snapshot's not overwritten since, then the overlay's. */
  private async matching(collection: string, filter?: Filter): Promise<Map<string, Document>> {
    const changed = this.overlay.get(collection);
    const docs = new Map<string, Document>();
    for (const [id, doc] of await this.snapshotDocs(
      collection,
      rowsAt(this.seq, this.maxLevel, filter),
    ))
      if (!changed?.has(id)) docs.set(id, doc);
    for (const id of changed?.keys() ?? []) {
      const doc = this.written(collection, id);
      if (doc && matchesFilter(doc, filter)) docs.set(id, doc);
    }
    return docs;
  }

  /** A written document as an object (parsed once); null: deleted; undefined: not written. */
  private written(collection: string, id: string): Document | null | undefined {
    const docs = this.overlay.get(collection);
    const doc = docs?.get(id);
    if (typeof doc !== 'string') return doc;
    const parsed = JSON.parse(doc) as Document;
    docs!.set(id, parsed);
    return parsed;
  }

  /** The documents of the snapshot's rows matching `rows` (a filter on the rows: see rowsAt). */
  private async snapshotDocs(collection: string, rows: Filter): Promise<[string, Document][]> {
    const table = snapshotRows(this.prefix, collection.slice(this.prefix.length + 1));
    const found = await findEvery<SnapshotRow>(this.store, table, rows);
    return found.map((row) => [row._doc, row._d]);
  }

  private write(collection: string, id: string, doc: Written): void {
    let docs = this.overlay.get(collection);
    if (!docs) this.overlay.set(collection, (docs = new Map()));
    docs.set(id, doc);
  }
}
