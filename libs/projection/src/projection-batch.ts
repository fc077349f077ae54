import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import {
  Document,
  DocumentChange,
  ProjectionBatch,
  ReadModelStore,
  assertDocument,
} from '@hub/read-store';
import { HeldDocument, HeldDocuments } from './held-documents';
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
  held: HeldDocument | undefined;
}

/**
 * The documents an event's evolve sees. Writes go straight into the batch's documents, and what each
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
    private readonly held: HeldDocuments,
  ) {
    this.collections = new Set(projection.collections.map((c) => c.name));
  }

  begin(located: readonly DocKey[]): void {
    this.located = located;
    this.replaced.length = 0;
  }

  /** The event's evolve returned: what it wrote is to be committed. */
  commit(): void {
    for (const { collection, id } of this.replaced) this.held.markWritten(collection, id);
  }

  /** The event's evolve threw: puts back what it wrote, last first. */
  undo(): void {
    for (let i = this.replaced.length - 1; i >= 0; i -= 1) {
      const { collection, id, held } = this.replaced[i];
      this.held.restore(collection, id, held);
    }
  }

  get<T extends Document = Document>(collection: string, id: string): T | null {
    if (!this.isLocated(collection, id) && !this.wrote(collection, id))
      throw new Error(
        `${this.projection.name}: evolve read ${collection}/${id}, which locate did not return`,
      );
    return (this.held.read(collection, id) ?? null) as T | null;
  }

  put(collection: string, id: string, doc: Document): void {
    this.assertCollection(collection);
    this.remember(collection, id);
    this.held.put(collection, id, assertDocument(doc));
  }

  delete(collection: string, id: string): void {
    this.assertCollection(collection);
    this.remember(collection, id);
    this.held.set(collection, id, null);
  }

  /** Keeps what the event's first write of a document replaced, to put it back if evolve throws. */
  private remember(collection: string, id: string): void {
    if (!this.wrote(collection, id))
      this.replaced.push({ collection, id, held: this.held.get(collection, id) });
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

/** The documents each event locates, in order: `locate` runs once per event. */
export function locateAll(projection: Projection, events: readonly RecordedEvent[]): DocKey[][] {
  return events.map((event) => projection.locate(event));
}

/** Where a prefetch reads documents it lacks: as held (text or object), by id. */
export type DocumentSource = (
  collection: string,
  ids: readonly string[],
) => Promise<Map<string, HeldDocument>>;

/** A store as a prefetch source: the documents' texts (documentTexts). */
export function storeTexts(store: ReadModelStore): DocumentSource {
  return (collection, ids) => documentTexts(store, collection, ids);
}

/**
 * Fetches every located document `known` lacks from `source`, with one read per collection,
 * and adds them to `known` (which is returned). A document already in `known` is newer than
 * the stored one, so it is not fetched again; nor is one `older` holds (documents on their way
 * to the store), which is copied instead.
 */
export async function prefetchDocs(
  source: DocumentSource,
  prefix: string,
  located: readonly (readonly DocKey[])[],
  known: HeldDocuments = new HeldDocuments(),
  older?: HeldDocuments,
): Promise<HeldDocuments> {
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
  const fetched: [collection: string, ids: string[], found: Map<string, HeldDocument>][] = [];
  for (const [collection, idSet] of idsByCollection) {
    const ids = [...idSet];
    fetched.push([collection, ids, await source(physicalCollection(prefix, collection), ids)]);
  }
  for (const [collection, ids, found] of fetched)
    for (const id of ids) known.set(collection, id, found.get(id) ?? null);
  return known;
}

/** The JSON text of the documents found, by id (one getMany, or the store's own text). */
export async function documentTexts(
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
 * Evolves the events in order over `held` (specs keep them across calls); stops at the first
 * failure. The changes answered are those of this call.
 */
export function evolveEvents(
  projection: Projection,
  prefix: string,
  held: HeldDocuments,
  events: readonly RecordedEvent[],
): EvolvedBatch {
  held.forgetWritten();
  const { applied, failure } = evolveInto(projection, held, events, locateAll(projection, events));
  return { changes: held.changes(prefix), applied, failure };
}

/** Evolves the events over `held`, each with the keys located for it. */
export function evolveInto(
  projection: Projection,
  held: HeldDocuments,
  events: readonly RecordedEvent[],
  located: readonly (readonly DocKey[])[],
): { applied: number; failure?: EvolveFailure } {
  const docs = new BatchDocs(projection, held);
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
  /** What the batch becomes before it is written (the runner adds a due snapshot). */
  extend: (batch: ProjectionBatch) => Promise<ProjectionBatch> = async (batch) => batch,
): Promise<{ committed: GlobalPosition | null; failure?: EvolveFailure }> {
  const located = locateAll(projection, events);
  const held = await prefetchDocs(storeTexts(store), prefix, located);
  const { applied, failure } = evolveInto(projection, held, events, located);
  const changes = held.changes(prefix);
  const committed = failure ? (applied > 0 ? events[applied - 1].position : null) : checkpoint;
  if (committed !== null)
    await store.applyBatch(
      await extend({ projection: prefix, changes, checkpoint: committed.toString() }),
    );
  return { committed, failure };
}
