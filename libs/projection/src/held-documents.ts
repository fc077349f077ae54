import { Document, DocumentChange } from '@hub/read-store';
import { physicalCollection } from './projection';

/** A document as held: its JSON text, the object events read and wrote, or null (absent). */
export type HeldDocument = string | Readonly<Document> | null;

/**
 * Under test (jest sets NODE_ENV=test) held objects are deep-frozen, so a projection that
 * changes a document in place instead of putting a changed copy fails its specs loudly.
 */
const FREEZE = process.env.NODE_ENV === 'test';

/**
 * The documents of a batch or a catch-up window, by logical collection and id: what was
 * fetched and what events wrote. A document is held as JSON text (what the stores keep) until
 * an event reads it, then as the parsed object: the events after it read it and put changed
 * copies without parsing or serializing again, and it is serialized once, when the batch
 * commits. A document written without being read first (a new record, seldom read again) is
 * serialized at once instead: held as an object until the commit it would survive young
 * collections, and cost more in GC than its text does.
 * Held objects are shared by every event that reads them, so evolve must not change them
 * (ProjectionDocs). Keyed by collection, then id, so no key string is built on each access.
 */
export class HeldDocuments {
  private readonly byCollection = new Map<string, Map<string, HeldDocument>>();
  private readonly written = new Map<string, Set<string>>();
  /**
   * Characters of document text held (what bounds a catch-up window's memory); an object
   * counts as the text it was parsed from or replaced.
   */
  characters = 0;

  /** The document as held; undefined when it was neither fetched nor written. */
  get(collection: string, id: string): HeldDocument | undefined {
    return this.byCollection.get(collection)?.get(id);
  }

  has(collection: string, id: string): boolean {
    return this.byCollection.get(collection)?.has(id) ?? false;
  }

  /** The document as an object, held as one from now on (null: absent, undefined: not held). */
  read(collection: string, id: string): Readonly<Document> | null | undefined {
    const held = this.get(collection, id);
    if (typeof held !== 'string') return held;
    const doc = frozen(JSON.parse(held) as Document);
    this.byCollection.get(collection)!.set(id, doc);
    return doc;
  }

  /** Holds a document (null: absent); not a change until it is marked written. */
  set(collection: string, id: string, held: HeldDocument): void {
    let docs = this.byCollection.get(collection);
    if (!docs) this.byCollection.set(collection, (docs = new Map()));
    const before = docs.get(id);
    if (typeof held === 'string') this.characters += held.length - textLength(before);
    else if (held === null) this.characters -= textLength(before);
    docs.set(id, held === null || typeof held === 'string' ? held : frozen(held));
  }

  /**
   * Holds what a put wrote: as an object when the document is held as one (events read it, so
   * more will), otherwise as its text.
   */
  put(collection: string, id: string, doc: Document): void {
    const before = this.get(collection, id);
    const asObject = typeof before === 'object' && before !== null;
    this.set(collection, id, asObject ? doc : documentText(doc, id));
  }

  /** Marks a document as changed: it is written when the batch commits. */
  markWritten(collection: string, id: string): void {
    let ids = this.written.get(collection);
    if (!ids) this.written.set(collection, (ids = new Set()));
    ids.add(id);
  }

  /** Puts back what a set replaced (undefined: nothing was held). */
  restore(collection: string, id: string, held: HeldDocument | undefined): void {
    if (held !== undefined) return this.set(collection, id, held);
    const docs = this.byCollection.get(collection);
    this.characters -= textLength(docs?.get(id));
    docs?.delete(id);
  }

  /** Forgets which documents were written (they stay held, as fetched ones). */
  forgetWritten(): void {
    this.written.clear();
  }

  /** The final state of the written documents, as changes to the build's physical collections. */
  changes(prefix: string): DocumentChange[] {
    const changes: DocumentChange[] = [];
    for (const [collection, id, held] of this.writtenDocuments()) {
      const physical = physicalCollection(prefix, collection);
      changes.push(
        held === null
          ? { kind: 'delete', collection: physical, id }
          : { kind: 'putJson', collection: physical, id, json: asText(held, id) },
      );
    }
    return changes;
  }

  /** The written documents as held (null: deleted), by logical collection: no text is made. */
  *writtenDocuments(): Iterable<[collection: string, id: string, held: HeldDocument]> {
    for (const [collection, ids] of this.written) {
      const docs = this.byCollection.get(collection)!;
      for (const id of ids) yield [collection, id, docs.get(id) ?? null];
    }
  }

  /** Every document held (absent ones left out) as JSON text, by logical collection. */
  *documents(): Iterable<[collection: string, id: string, text: string]> {
    for (const [collection, docs] of this.byCollection)
      for (const [id, held] of docs) if (held !== null) yield [collection, id, asText(held, id)];
  }
}

function textLength(held: HeldDocument | undefined): number {
  return typeof held === 'string' ? held.length : 0;
}

function asText(held: string | Readonly<Document>, id: string): string {
  return typeof held === 'string' ? held : documentText(held, id);
}

/**
 * A document's JSON text with its id: documents carry their id, so getMany answers can be matched
 * back to their keys. A document without one gets it spliced into its text, which costs half of
 * copying the object to add the field (most first puts have none).
 */
function documentText(doc: Readonly<Document>, id: string): string {
  if (doc.id === id) return JSON.stringify(doc);
  if (doc.id !== undefined) return JSON.stringify({ ...doc, id });
  const text = JSON.stringify(doc);
  const idField = `"id":${JSON.stringify(id)}`;
  return text === '{}' ? `{${idField}}` : `{${idField},${text.slice(1)}`;
}

function frozen(doc: Readonly<Document>): Readonly<Document> {
  if (FREEZE) deepFreeze(doc);
  return doc;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
