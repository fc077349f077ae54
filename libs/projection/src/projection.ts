import { DomainEvent } from '@hub/domain';
import { RecordedEvent } from '@hub/event-store';
import { Document } from '@hub/read-store';

/** Names one document of a projection: its logical collection and its id. */
export interface DocKey {
  collection: string;
  id: string;
}

/**
 * The documents an `evolve` call may see and change. Synchronous on purpose: the runner has
 * already fetched every located document, so evolve stays a pure function of its inputs.
 * Documents are values: what `get` answers is shared with later events (HeldDocuments), so
 * evolve never changes it in place, and puts a changed copy instead (`{ ...doc, field }`).
 * Under test, documents are frozen, so a change in place throws.
 */
export interface ProjectionDocs {
  /**
   * The document (read-only), or null when it does not exist (or was deleted). Its `id`
   * field is the store's: evolve does not rely on it.
   */
  get<T extends Document = Document>(collection: string, id: string): T | null;
  /** Sets the document; `doc` is not to be changed after (it may be held as it is). */
  put(collection: string, id: string, doc: Document): void;
  delete(collection: string, id: string): void;
}

/**
 * `list` with `item` at its end, or `list` itself when it holds it already: a document's list
 * field is a value too, so it is replaced, never pushed to.
 */
export function withItem<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? (list as T[]) : [...list, item];
}

/** One logical collection of a projection, with the indexes its queries need. */
export interface ProjectionCollection {
  name: string;
  indexes?: readonly (readonly string[])[];
}

/**
 * A recorded event of a projection's own union: a `switch` on `type` narrows `data`, so no
 * `evolve` casts what it reads.
 */
export type RecordedOf<E extends DomainEvent> = E extends DomainEvent
  ? Omit<RecordedEvent, 'type' | 'data'> & { type: E['type']; data: E['data'] }
  : never;

/**
 * A read model folded from history, typed by the events it reads (`E`, a union of domain
 * events): which documents each event touches, and how a document changes. The runner hands
 * it only events whose type is in `handles`. Bumping `version` rebuilds it beside the live one.
 */
export interface Projection<E extends DomainEvent = DomainEvent> {
  name: string;
  version: number;
  /** Event types this projection reads; every other event is skipped by the store's filter. */
  handles: readonly E['type'][];
  collections: readonly ProjectionCollection[];
  /** The documents `event` reads or writes (evolve may only `get` these). */
  locate(event: RecordedOf<E>): DocKey[];
  evolve(docs: ProjectionDocs, event: RecordedOf<E>): void;
}

/** One physical build of a projection: a version, and a generation for same-version rebuilds. */
export interface ProjectionBuild {
  version: number;
  generation: number;
}

/**
 * The prefix of a build's collections and the name of its checkpoint. Versioned so a rebuild
 * writes beside the live build and queries switch over with one document write.
 */
export function buildPrefix(name: string, build: ProjectionBuild): string {
  // Read stores accept only [a-z0-9_] in collection names, so `customer-activity` becomes
  // `customer_activity` (projection names must stay distinct after this mapping).
  const base = name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return build.generation === 0
    ? `${base}_v${build.version}`
    : `${base}_v${build.version}_r${build.generation}`;
}

export function physicalCollection(prefix: string, collection: string): string {
  return `${prefix}_${collection}`;
}
