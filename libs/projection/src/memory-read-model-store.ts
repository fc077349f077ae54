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
import { findInMemory, matchesFilter } from './memory-query';

/**
 * The read store in memory: what an as-of query folds history into, and the unit tests' store.
 * Documents are copied in and out, so callers can never change stored state by reference.
 */
export class MemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Map<string, Document>>();
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly indexes = new Map<string, string[][]>();

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    const doc = this.collections.get(collection)?.get(id);
    return doc ? (structuredClone(doc) as T) : null;
  }

  async getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]> {
    const docs = this.collections.get(collection);
    return ids.flatMap((id) => {
      const doc = docs?.get(id);
      return doc ? [structuredClone(doc) as T] : [];
    });
  }

  async find<T extends Document>(collection: string, options?: FindOptions): Promise<Page<T>> {
    return findInMemory<T>(this.collections.get(collection) ?? [], options);
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    let count = 0;
    for (const doc of this.collections.get(collection)?.values() ?? [])
      if (matchesFilter(doc, filter)) count += 1;
    return count;
  }

  async ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    const indexes = this.indexes.get(collection) ?? [];
    if (!indexes.some((index) => index.join() === fields.join())) indexes.push([...fields]);
    this.indexes.set(collection, indexes);
  }

  async put(collection: string, id: string, doc: Document): Promise<void> {
    this.putSync(collection, id, doc);
  }

  async delete(collection: string, id: string): Promise<void> {
    this.collections.get(collection)?.delete(id);
  }

  async dropCollection(collection: string): Promise<void> {
    this.collections.delete(collection);
    this.indexes.delete(collection);
  }

  /** Synchronous, so documents and checkpoint change together (no await in between). */
  async applyBatch(batch: ProjectionBatch): Promise<void> {
    for (const change of batch.changes)
      if (change.kind === 'delete') this.collections.get(change.collection)?.delete(change.id);
      else this.putSync(change.collection, change.id, changedDocument(change));
    this.checkpoints.set(batch.projection, {
      projection: batch.projection,
      position: batch.checkpoint,
      updatedAt: new Date().toISOString(),
    });
  }

  async getCheckpoint(projection: string): Promise<Checkpoint | null> {
    const checkpoint = this.checkpoints.get(projection);
    return checkpoint ? { ...checkpoint } : null;
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    this.checkpoints.delete(projection);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}

  /** Names of the collections holding documents (for tests and diagnostics). */
  collectionNames(): string[] {
    return [...this.collections.entries()]
      .filter(([, docs]) => docs.size > 0)
      .map(([name]) => name);
  }

  /** Declared indexes of a collection (for tests). */
  indexesOf(collection: string): string[][] {
    return this.indexes.get(collection) ?? [];
  }

  private putSync(collection: string, id: string, doc: Document): void {
    const docs = this.collections.get(collection) ?? new Map<string, Document>();
    docs.set(id, structuredClone(doc));
    this.collections.set(collection, docs);
  }
}
