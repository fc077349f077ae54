import { Document, DocumentChange, ProjectionBatch } from '../read-model-store.port';
import { assertCollection, assertDocument, assertId, ReadStoreUsageError } from './identifiers';

const UINT64_MAX = (1n << 64n) - 1n;

/** Parses a batch's decimal position; positions are unsigned 64-bit in every event store we use. */
export function parsePosition(position: string): bigint {
  if (typeof position !== 'string' || !/^\d{1,20}$/.test(position)) {
    throw new ReadStoreUsageError(`invalid position ${JSON.stringify(position)}`);
  }
  const value = BigInt(position);
  if (value > UINT64_MAX) throw new ReadStoreUsageError(`position ${position} exceeds 64 bits`);
  return value;
}

/** Zero-padded to 20 digits, so that plain string comparison orders positions numerically. */
export function sortablePosition(position: bigint): string {
  return position.toString().padStart(20, '0');
}

/**
 * Validates a batch and keeps only the last change per document, grouped by collection (in the
 * order collections first appear; inside a group, the order of last occurrence). Both adapters
 * make each change conditional on the stored position being older than the batch's, so two
 * changes to one document inside a batch would otherwise see the second one skipped; the last
 * one is what the batch means anyway.
 */
export function coalesceChanges(batch: ProjectionBatch): Map<string, DocumentChange[]> {
  if (typeof batch.projection !== 'string' || batch.projection.length === 0) {
    throw new ReadStoreUsageError('a batch needs a projection name');
  }
  const byCollection = new Map<string, Map<string, DocumentChange>>();
  for (const change of batch.changes) {
    let last = byCollection.get(change.collection);
    if (!last) byCollection.set(assertCollection(change.collection), (last = new Map()));
    assertId(change.id);
    if (change.kind === 'put') assertDocument(change.doc);
    // JSON text is trusted to be an object's (its writer serialized one); parsing it here would
    // cost what carrying text saves.
    if (change.kind === 'putJson' && !change.json.startsWith('{'))
      throw new ReadStoreUsageError('a document must be a plain object');
    last.delete(change.id); // re-insert so the map keeps the order of last occurrence
    last.set(change.id, change);
  }
  const groups = new Map<string, DocumentChange[]>();
  for (const [collection, last] of byCollection) groups.set(collection, [...last.values()]);
  return groups;
}

/** The document a put writes, parsed when it came as JSON text. */
export function changedDocument(change: Exclude<DocumentChange, { kind: 'delete' }>): Document {
  return change.kind === 'put' ? change.doc : assertDocument(JSON.parse(change.json) as Document);
}

/** The JSON text a put writes. */
export function changedJson(change: Exclude<DocumentChange, { kind: 'delete' }>): string {
  return change.kind === 'put' ? JSON.stringify(change.doc) : change.json;
}
