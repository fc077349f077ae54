import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { Document, DocumentChange, ReadModelStore, assertDocument } from '@hub/read-store';
import { DocumentTexts } from './document-texts';
import { DocKey, Projection, ProjectionDocs, physicalCollection } from './projection';

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

/** What one event's write replaced, to undo it when the event's evolve throws. */
interface Replaced {
  collection: string;
  id: string;
  text: string | null | undefined;
}

/**
 * The documents an event's evolve sees. Writes go straight into the batch's texts, and what each
 * replaced is kept until the evolve returns: then the documents are marked written, or, when it
 * threw half-way, put back, so a failed event leaves no trace. `get` is limited to the keys
 * located for the event (or written by it): a read of anything else would depend on where batch
 * boundaries fall, so it fails loudly instead.
 */
class BatchDocs implements ProjectionDocs {
  private located: readonly DocKey[] = [];
  private readonly replaced: Replaced[] = [];
  private readonly collections: ReadonlySet<string>;

  constructor(
    private readonly projection: Projection,
    private readonly texts: DocumentTexts,
  ) {
    this.collections = new Set(projection.collections.map((c) => c.name));
  }

  begin(located: readonly DocKey[]): void {
    this.located = located;
    this.replaced.length = 0;
  }

  /** The event's evolve returned: what it wrote is to be committed. */
  commit(): void {
    for (const { collection, id } of this.replaced) this.texts.markWritten(collection, id);
  }

  /** The event's evolve threw: puts back what it wrote, last first. */
  undo(): void {
    for (let i = this.replaced.length - 1; i >= 0; i -= 1) {
      const { collection, id, text } = this.replaced[i];
      this.texts.restore(collection, id, text);
    }
  }

  get<T extends Document = Document>(collection: string, id: string): T | null {
    if (!this.isLocated(collection, id) && !this.wrote(collection, id))
      throw new Error(
        `${this.projection.name}: evolve read ${collection}/${id}, which locate did not return`,
      );
    const text = this.texts.get(collection, id);
    return text == null ? null : (JSON.parse(text) as T);
  }

  put(collection: string, id: string, doc: Document): void {
    this.assertCollection(collection);
    this.write(collection, id, documentText(assertDocument(doc), id));
  }

  delete(collection: string, id: string): void {
    this.assertCollection(collection);
    this.write(collection, id, null);
  }

  private write(collection: string, id: string, text: string | null): void {
    if (!this.wrote(collection, id))
      this.replaced.push({ collection, id, text: this.texts.get(collection, id) });
    this.texts.set(collection, id, text);
  }

  /** Located keys are few (one to a handful), so a scan beats building a set per event. */
  private isLocated(collection: string, id: string): boolean {
    for (const key of this.located) if (key.id === id && key.collection === collection) return true;
    return false;
  }

  private wrote(collection: string, id: string): boolean {
    for (const key of this.replaced)
      if (key.id === id && key.collection === collection) return true;
    return false;
  }

  private assertCollection(collection: string): void {
    if (!this.collections.has(collection))
      throw new Error(`${this.projection.name}: unknown collection ${collection}`);
  }
}

/**
 * A document's JSON text with its id: documents carry their id, so getMany answers can be matched
 * back to their keys. A document without one gets it spliced into its text, which costs half of
 * copying the object to add the field (most first puts have none).
 */
function documentText(doc: Document, id: string): string {
  if (doc.id === id) return JSON.stringify(doc);
  if (doc.id !== undefined) return JSON.stringify({ ...doc, id });
  const text = JSON.stringify(doc);
  const idField = `"id":${JSON.stringify(id)}`;
  return text === '{}' ? `{${idField}}` : `{${idField},${text.slice(1)}`;
}

/** The documents each event locates, in order: `locate` runs once per event. */
export function locateAll(projection: Projection, events: readonly RecordedEvent[]): DocKey[][] {
  return events.map((event) => projection.locate(event));
}

/**
 * Fetches every located document `known` lacks, with one getMany per collection, and adds them
 * to `known` (which is returned). A document already in `known` is newer than the stored one,
 * so it is not fetched again; nor is one `older` holds (documents on their way to the store),
 * which is copied instead.
 */
export async function prefetchDocs(
  store: ReadModelStore,
  prefix: string,
  located: readonly (readonly DocKey[])[],
  known: DocumentTexts = new DocumentTexts(),
  older?: DocumentTexts,
): Promise<DocumentTexts> {
  const idsByCollection = new Map<string, Set<string>>();
  for (const keys of located)
    for (const { collection, id } of keys) {
      if (known.has(collection, id)) continue;
      const pending = older?.get(collection, id);
      if (pending !== undefined) {
        known.set(collection, id, pending);
        continue;
      }
      let ids = idsByCollection.get(collection);
      if (!ids) idsByCollection.set(collection, (ids = new Set()));
      ids.add(id);
    }
  // Fetched in full before anything is added, so a failing store leaves `known` as it was.
  const fetched: [collection: string, ids: string[], found: Map<string, string>][] = [];
  for (const [collection, idSet] of idsByCollection) {
    const ids = [...idSet];
    fetched.push([
      collection,
      ids,
      await documentTexts(store, physicalCollection(prefix, collection), ids),
    ]);
  }
  for (const [collection, ids, found] of fetched)
    for (const id of ids) known.set(collection, id, found.get(id) ?? null);
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

/**
 * Evolves the events in order over `texts` (specs keep them across calls); stops at the first
 * failure. The changes answered are those of this call.
 */
export function evolveEvents(
  projection: Projection,
  prefix: string,
  texts: DocumentTexts,
  events: readonly RecordedEvent[],
): EvolvedBatch {
  texts.forgetWritten();
  const { applied, failure } = evolveInto(projection, texts, events, locateAll(projection, events));
  return { changes: texts.changes(prefix), applied, failure };
}

/** Evolves the events over `texts`, each with the keys located for it. */
export function evolveInto(
  projection: Projection,
  texts: DocumentTexts,
  events: readonly RecordedEvent[],
  located: readonly (readonly DocKey[])[],
): { applied: number; failure?: EvolveFailure } {
  const docs = new BatchDocs(projection, texts);
  for (let applied = 0; applied < events.length; applied += 1) {
    const event = events[applied];
    try {
      docs.begin(located[applied]);
      projection.evolve(docs, event);
      docs.commit();
    } catch (error) {
      docs.undo();
      return { applied, failure: { event, error } };
    }
  }
  return { applied: events.length };
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
  const located = locateAll(projection, events);
  const texts = await prefetchDocs(store, prefix, located);
  const { applied, failure } = evolveInto(projection, texts, events, located);
  const changes = texts.changes(prefix);
  const committed = failure ? (applied > 0 ? events[applied - 1].position : null) : checkpoint;
  if (committed !== null)
    await store.applyBatch({ projection: prefix, changes, checkpoint: committed.toString() });
  return { committed, failure };
}
