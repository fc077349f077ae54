import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { Document, DocumentChange, ReadModelStore, assertDocument } from '@hub/read-store';
import { DocKey, Projection, ProjectionDocs, docKeyString, physicalCollection } from './projection';

/** Evolve threw for `event`: the effects of the events before it are in `changes`. */
export interface EvolveFailure {
  event: RecordedEvent;
  error: unknown;
}

export interface EvolvedBatch {
  /** Final state of every document the applied events touched (physical collection names). */
  changes: DocumentChange[];
  /** How many events (a prefix of the batch) were applied. */
  applied: number;
  failure?: EvolveFailure;
}

/**
 * Documents of a batch as JSON text (null: absent), by `docKeyString`. Text is what SQLite
 * stores, so a document is serialized once per put and never again before it is written; a
 * get parses a fresh copy, so evolve may change what it got without touching the batch.
 */
export type DocTexts = Map<string, string | null>;

/**
 * The documents of one batch. Each event's writes go to an overlay merged only when its
 * evolve returns, so an evolve that throws half-way leaves no trace. `get` is limited to the
 * keys located for the event (or written by it): a read of anything else would depend on
 * where batch boundaries fall, so it fails loudly instead.
 */
class BatchDocs implements ProjectionDocs {
  private readonly overlay: DocTexts = new Map();
  private located = new Set<string>();

  constructor(
    private readonly projection: Projection,
    private readonly texts: DocTexts,
    /** Keys written by the applied events (shared by the pages of a catch-up window). */
    private readonly touched: Set<string>,
  ) {}

  begin(keys: readonly DocKey[]): void {
    this.overlay.clear();
    this.located = new Set(keys.map((key) => docKeyString(key.collection, key.id)));
  }

  commit(): void {
    for (const [key, text] of this.overlay) {
      this.texts.set(key, text);
      this.touched.add(key);
    }
    this.overlay.clear();
  }

  get<T extends Document = Document>(collection: string, id: string): T | null {
    const key = docKeyString(collection, id);
    const text = this.overlay.has(key) ? this.overlay.get(key) : this.locatedText(key);
    return text == null ? null : (JSON.parse(text) as T);
  }

  put(collection: string, id: string, doc: Document): void {
    this.assertCollection(collection);
    // Documents carry their id, so getMany answers can be matched back to their keys.
    const text = JSON.stringify(assertDocument(doc.id === id ? doc : { ...doc, id }));
    this.overlay.set(docKeyString(collection, id), text);
  }

  delete(collection: string, id: string): void {
    this.assertCollection(collection);
    this.overlay.set(docKeyString(collection, id), null);
  }

  private locatedText(key: string): string | null | undefined {
    if (!this.located.has(key)) {
      const [collection, id] = key.split('\u0000');
      throw new Error(
        `${this.projection.name}: evolve read ${collection}/${id}, which locate did not return`,
      );
    }
    return this.texts.get(key);
  }

  private assertCollection(collection: string): void {
    if (!this.projection.collections.some((c) => c.name === collection))
      throw new Error(`${this.projection.name}: unknown collection ${collection}`);
  }
}

/**
 * Fetches every document the events locate and `known` lacks, with one getMany per
 * collection, and adds them to `known` (which is returned). A document already in `known`
 * is newer than the stored one, so it is not fetched again.
 */
export async function prefetchDocs(
  store: ReadModelStore,
  projection: Projection,
  prefix: string,
  events: readonly RecordedEvent[],
  known: DocTexts = new Map(),
): Promise<DocTexts> {
  const idsByCollection = new Map<string, Set<string>>();
  for (const event of events)
    for (const key of projection.locate(event)) {
      if (known.has(docKeyString(key.collection, key.id))) continue;
      const ids = idsByCollection.get(key.collection) ?? new Set<string>();
      ids.add(key.id);
      idsByCollection.set(key.collection, ids);
    }
  // Fetched in full before anything is added, so a failing store leaves `known` as it was.
  const fetched: DocTexts = new Map();
  for (const [collection, idSet] of idsByCollection) {
    const ids = [...idSet];
    const found = await documentTexts(store, physicalCollection(prefix, collection), ids);
    for (const id of ids) fetched.set(docKeyString(collection, id), found.get(id) ?? null);
  }
  for (const [key, text] of fetched) known.set(key, text);
  return known;
}

/** The JSON text of the documents found, by id (one getMany, or the store's own text). */
async function documentTexts(
  store: ReadModelStore,
  collection: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (store.getManyJson) return store.getManyJson(collection, ids);
  const docs = await store.getMany(collection, ids);
  const texts = new Map<string, string>();
  for (const doc of docs) if (typeof doc.id === 'string') texts.set(doc.id, JSON.stringify(doc));
  // A store that strips ids from documents is answered one get at a time.
  if (texts.size < docs.length)
    for (const id of ids) {
      const doc = await store.get(collection, id);
      if (doc) texts.set(id, JSON.stringify(doc));
    }
  return texts;
}

/** Evolves the events in order over the prefetched documents; stops at the first failure. */
export function evolveEvents(
  projection: Projection,
  prefix: string,
  texts: DocTexts,
  events: readonly RecordedEvent[],
): EvolvedBatch {
  const touched = new Set<string>();
  const { applied, failure } = evolveInto(projection, texts, touched, events);
  return { changes: changesOf(prefix, texts, touched), applied, failure };
}

/** Evolves the events over `texts`, adding the keys they write to `touched`. */
export function evolveInto(
  projection: Projection,
  texts: DocTexts,
  touched: Set<string>,
  events: readonly RecordedEvent[],
): { applied: number; failure?: EvolveFailure } {
  const docs = new BatchDocs(projection, texts, touched);
  let applied = 0;
  for (const event of events) {
    try {
      docs.begin(projection.locate(event));
      projection.evolve(docs, event);
    } catch (error) {
      return { applied, failure: { event, error } };
    }
    docs.commit();
    applied += 1;
  }
  return { applied };
}

/** The final state of the touched documents, as changes to the build's physical collections. */
export function changesOf(
  prefix: string,
  texts: DocTexts,
  touched: ReadonlySet<string>,
): DocumentChange[] {
  return [...touched].map((key) => {
    const [collection, id] = key.split('\u0000') as [string, string];
    const json = texts.get(key) ?? null;
    const physical = physicalCollection(prefix, collection);
    return json === null
      ? { kind: 'delete', collection: physical, id }
      : { kind: 'putJson', collection: physical, id, json };
  });
}

/**
 * Prefetches, evolves and commits one batch with ONE applyBatch (documents and checkpoint
 * together, so a crash neither loses nor double-applies an event). On an evolve failure the
 * prefix before the failing event is committed and the failure returned.
 */
export async function applyEvents(
  store: ReadModelStore,
  projection: Projection,
  prefix: string,
  events: readonly RecordedEvent[],
  checkpoint: GlobalPosition,
): Promise<{ committed: GlobalPosition | null; failure?: EvolveFailure }> {
  const texts = await prefetchDocs(store, projection, prefix, events);
  const { changes, applied, failure } = evolveEvents(projection, prefix, texts, events);
  const committed = failure ? (applied > 0 ? events[applied - 1].position : null) : checkpoint;
  if (committed !== null)
    await store.applyBatch({ projection: prefix, changes, checkpoint: committed.toString() });
  return { committed, failure };
}
