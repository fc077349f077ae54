import { DocumentChange } from '@hub/read-store';
import { physicalCollection } from './projection';

/**
 * Documents as JSON text (null: absent), by logical collection and id: what a batch or a
 * catch-up window fetched, and what its events wrote. Text is what SQLite stores, so a document
 * is serialized once per put and never again before it is written; a get parses a fresh copy,
 * so evolve may change what it got without touching the batch. Keyed by collection, then id,
 * so no key string is built on each access.
 */
export class DocumentTexts {
  private readonly byCollection = new Map<string, Map<string, string | null>>();
  private readonly written = new Map<string, Set<string>>();
  /** Characters of text held (what bounds a catch-up window's memory). */
  characters = 0;

  /** The document's text, null when it is absent, undefined when it was neither fetched nor written. */
  get(collection: string, id: string): string | null | undefined {
    return this.byCollection.get(collection)?.get(id);
  }

  has(collection: string, id: string): boolean {
    return this.byCollection.get(collection)?.has(id) ?? false;
  }

  /** Sets a document's text (null: absent); not a change until it is marked written. */
  set(collection: string, id: string, text: string | null): void {
    let texts = this.byCollection.get(collection);
    if (!texts) this.byCollection.set(collection, (texts = new Map()));
    this.characters += (text?.length ?? 0) - (texts.get(id)?.length ?? 0);
    texts.set(id, text);
  }

  /** Marks a document as changed: its text is written when the batch commits. */
  markWritten(collection: string, id: string): void {
    let ids = this.written.get(collection);
    if (!ids) this.written.set(collection, (ids = new Set()));
    ids.add(id);
  }

  /** Puts back the text a set replaced (undefined: none was held). */
  restore(collection: string, id: string, text: string | null | undefined): void {
    if (text !== undefined) return this.set(collection, id, text);
    const texts = this.byCollection.get(collection);
    this.characters -= texts?.get(id)?.length ?? 0;
    texts?.delete(id);
  }

  /** Forgets which documents were written (they stay held, as fetched ones). */
  forgetWritten(): void {
    this.written.clear();
  }

  /** The final state of the written documents, as changes to the build's physical collections. */
  changes(prefix: string): DocumentChange[] {
    const changes: DocumentChange[] = [];
    for (const [collection, ids] of this.written) {
      const physical = physicalCollection(prefix, collection);
      const texts = this.byCollection.get(collection)!;
      for (const id of ids) {
        const json = texts.get(id) ?? null;
        changes.push(
          json === null
            ? { kind: 'delete', collection: physical, id }
            : { kind: 'putJson', collection: physical, id, json },
        );
      }
    }
    return changes;
  }

  /** Every document held (absent ones left out), by logical collection. */
  *documents(): Iterable<[collection: string, id: string, text: string]> {
    for (const [collection, texts] of this.byCollection)
      for (const [id, text] of texts) if (text !== null) yield [collection, id, text];
  }
}
