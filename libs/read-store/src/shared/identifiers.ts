import { Document } from '../read-model-store.port';

/**
 * Thrown for a collection name, field path or document shape the read store refuses. These are
 * programming errors (names come from projection code, never from callers), so they are not
 * mapped to a 400: a bad name must fail loudly in the first test that uses it.
 */
export class ReadStoreUsageError extends Error {
  override readonly name = 'ReadStoreUsageError';
}

const COLLECTION = /^[a-z][a-z0-9_]{0,62}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Top-level keys the adapters keep for themselves (MongoDB stores the id and the last applied
 * position beside the document's own fields). Both adapters refuse them, so they cannot drift.
 */
export const RESERVED_KEYS: readonly string[] = ['_id', '_pos', '_position'];

/** Collection names end up inside SQL and Mongo namespaces: only a strict alphabet is allowed. */
export function assertCollection(name: string): string {
  if (typeof name !== 'string' || !COLLECTION.test(name)) {
    throw new ReadStoreUsageError(`invalid collection name ${JSON.stringify(name)}`);
  }
  return name;
}

/** Field paths are embedded in SQL (`json_extract(doc, '$.a.b')`), so they are validated, never escaped. */
export function assertFieldPath(path: string): string {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) {
    throw new ReadStoreUsageError(`invalid field path ${JSON.stringify(path)}`);
  }
  if (RESERVED_KEYS.includes(path.split('.')[0])) {
    throw new ReadStoreUsageError(`field path ${JSON.stringify(path)} uses a reserved key`);
  }
  return path;
}

/** Ids are opaque strings; an empty one is always a bug upstream. */
export function assertId(id: string): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new ReadStoreUsageError(`invalid document id ${JSON.stringify(id)}`);
  }
  return id;
}

/** A document must be a plain JSON object without the adapters' reserved keys. */
export function assertDocument(doc: Document): Document {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ReadStoreUsageError('a document must be a plain object');
  }
  for (const key of RESERVED_KEYS) {
    if (Object.prototype.hasOwnProperty.call(doc, key)) {
      throw new ReadStoreUsageError(`a document may not hold the reserved key ${key}`);
    }
  }
  return doc;
}
