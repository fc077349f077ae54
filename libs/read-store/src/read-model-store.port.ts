import type { Fence } from './lease.port';

/**
 * The read side's document store: named collections of JSON documents by id, simple
 * queries, and per-projection checkpoints. Projections never touch it directly; the runner
 * writes and the query services read.
 */
export type Document = Record<string, unknown>;

/** A condition on one top-level field (or a dotted path into nested objects). */
export type FieldCondition =
  | string
  | number
  | boolean
  | null
  | { $in: readonly (string | number | boolean)[] }
  | {
      $gt?: string | number;
      $gte?: string | number;
      $lt?: string | number;
      $lte?: string | number;
    };

/** All conditions must hold (AND). */
export type Filter = Record<string, FieldCondition>;

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface FindOptions {
  filter?: Filter;
  /** Ties are always broken by `id` ascending, so paging is stable. */
  sort?: readonly SortKey[];
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Present when more items follow. */
  nextCursor?: string;
}

/**
 * One document written by a projection as a result of the event at `position`. A `putJson`
 * carries the document already serialized (the runner keeps documents as JSON text between
 * events): SQLite stores that text as it is, MongoDB parses it.
 */
export type DocumentChange =
  | { kind: 'put'; collection: string; id: string; doc: Document }
  | { kind: 'putJson'; collection: string; id: string; json: string }
  | { kind: 'delete'; collection: string; id: string };

/**
 * A batch the runner commits for one projection: the changes, then the checkpoint. A batch is
 * applied so that a crash at any instant neither loses nor double-applies an event.
 */
export interface ProjectionBatch {
  projection: string;
  changes: readonly DocumentChange[];
  /** The position (decimal string) of the last event whose effects the batch holds. */
  checkpoint: string;
  /**
   * The lease the batch was computed under: when its token is no longer the lease's, the
   * commit is refused with `LeaseLostError` and writes nothing (see `LeaseStore`).
   */
  fence?: Fence;
}

export interface Checkpoint {
  projection: string;
  position: string | null;
  updatedAt: string;
}

export interface ReadModelStore {
  /**
   * Set by a store whose update of an existing document costs far more than an insert (FerretDB
   * 1.x scans its table for each): the runner then commits a catch-up in as few windows as its
   * memory bounds allow, so that most documents are written once, as inserts.
   */
  readonly costlyUpdates?: boolean;
  get<T extends Document>(collection: string, id: string): Promise<T | null>;
  getMany<T extends Document>(collection: string, ids: readonly string[]): Promise<T[]>;
  /**
   * The JSON text of the documents found, by id: offered by stores that keep documents as text,
   * so the runner, which keeps them as text too, skips a parse and a serialization.
   */
  getManyJson?(collection: string, ids: readonly string[]): Promise<Map<string, string>>;
  find<T extends Document>(collection: string, options?: FindOptions): Promise<Page<T>>;
  count(collection: string, filter?: Filter): Promise<number>;
  /** Declares an index on fields of a collection (idempotent). */
  ensureIndex(collection: string, fields: readonly string[]): Promise<void>;
  put(collection: string, id: string, doc: Document): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  /** Removes a whole collection (used when a rebuilt projection version replaces the old one). */
  dropCollection(collection: string): Promise<void>;
  applyBatch(batch: ProjectionBatch): Promise<void>;
  getCheckpoint(projection: string): Promise<Checkpoint | null>;
  deleteCheckpoint(projection: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Injection token for the `ReadModelStore` port. */
export const READ_MODEL_STORE = Symbol('ReadModelStore');
