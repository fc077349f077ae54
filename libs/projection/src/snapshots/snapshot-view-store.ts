import {
  Checkpoint,
  Document,
  DocumentChange,
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

  private overlayChanges(changes: readonly DocumentChange[]): void {
    for (const change of changes)
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

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    return ((await this.getMany<T>(collection, [id]))[0] as T | undefined) ?? null;
  }

  async getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    const found = await this.byId(collection, ids);
    // As the memory store answers (a fold's): in the order asked, repeats included.
    return ids.flatMap((id) => (found.has(id) ? [structuredClone(found.get(id)) as T] : []));
  }

  /**
   * The documents a fold's prefetch asks for, as objects (prefetchDocs' source): fresh from the
   * snapshot's rows, so no text is made of them and parsed again when an event reads them.
   */
  async heldDocuments(collection: string, ids: readonly string[]): Promise<Map<string, Document>> {
    return this.byId(collection, ids);
  }

  /** The folded events' prefetch reads documents as text (see prefetchDocs). */
  async getManyJson(collection: string, ids: readonly string[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    const changed = this.overlay.get(collection);
    const unread: string[] = [];
    for (const id of new Set(ids)) {
      const doc = changed?.get(id);
      if (doc === undefined) unread.push(id);
      else if (doc !== null) texts.set(id, typeof doc === 'string' ? doc : JSON.stringify(doc));
    }
    if (unread.length > 0)
      for (const [id, doc] of await this.snapshotDocs(collection, { _doc: { $in: unread } }))
        texts.set(id, JSON.stringify(doc));
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
    this.write(collection, id, structuredClone(doc));
  }

  async delete(collection: string, id: string): Promise<void> {
    this.write(collection, id, null);
  }

  async dropCollection(): Promise<void> {
    throw new Error('a snapshot view is not dropped');
  }

  async applyBatch(batch: ProjectionBatch): Promise<void> {
    this.overlayChanges(batch.changes);
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
      const doc = this.written(collection, id);
      if (doc) found.set(id, doc);
    }
    return found;
  }

  /** The documents matching `filter`: the snapshot's not overwritten since, then the overlay's. */
  private async matching(collection: string, filter?: Filter): Promise<Map<string, Document>> {
    const changed = this.overlay.get(collection);
    const docs = new Map<string, Document>();
    for (const [id, doc] of await this.snapshotDocs(collection, filter ?? {}, true))
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

  /**
   * The snapshot's rows alive at `seq` matching `filter`: a filter on the rows themselves, or
   * (`onDocuments`) on the documents they hold.
   */
  private async snapshotDocs(
    collection: string,
    filter: Filter,
    onDocuments = false,
  ): Promise<[string, Document][]> {
    const rows = onDocuments
      ? rowsAt(this.seq, this.maxLevel, filter)
      : { ...rowsAt(this.seq, this.maxLevel), ...filter };
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
