import { AnyBulkWriteOperation, Collection, MongoBulkWriteError } from 'mongodb';
import { DocumentChange } from '../read-model-store.port';
import { changedDocument } from '../shared/batch';
import { StoredDocument } from './mongo-query';

const DUPLICATE_KEY = 11000;
// Bounded commands: FerretDB 1.24 (SQLite handler) scans the collection for every update
// statement, so one huge command can outlast the driver's socket timeout on a big collection.
const CHUNK = 100;

/**
 * Writes one collection's changes of a batch without a transaction (FerretDB 1.x has none).
 * Every change applies only when the stored document is older than the batch, so a batch
 * replayed after a crash (documents written, checkpoint not yet) changes nothing, and an
 * older batch never overwrites a newer document.
 */
export async function writeChanges(
  collection: Collection<StoredDocument>,
  changes: readonly DocumentChange[],
  position: string,
  pos: string,
): Promise<void> {
  const olderThanBatch = { $or: [{ _pos: { $lt: pos } }, { _pos: { $exists: false } }] };
  const operations = changes.map((change): AnyBulkWriteOperation<StoredDocument> => {
    if (change.kind === 'delete') {
      return { deleteOne: { filter: { _id: change.id, ...olderThanBatch } } };
    }
    return {
      replaceOne: {
        filter: { _id: change.id, ...olderThanBatch },
        replacement: { ...changedDocument(change), _position: position, _pos: pos },
        upsert: true,
      },
    };
  });
  for (let from = 0; from < operations.length; from += CHUNK) {
    try {
      // Changes were coalesced to one per document, so their order does not matter and one
      // skipped write must not stop the others.
      await collection.bulkWrite(operations.slice(from, from + CHUNK), { ordered: false });
    } catch (error) {
      if (!onlyNewerDocuments(error)) throw error;
    }
  }
}

/**
 * When the condition fails on an existing document, the upsert tries to insert a second
 * document with the same `_id` and fails with a duplicate key: the stored one is newer, which
 * is exactly the case to skip.
 */
function onlyNewerDocuments(error: unknown): boolean {
  if (!(error instanceof MongoBulkWriteError) || error.writeConcernError) return false;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return writeErrors.length > 0 && writeErrors.every((e) => e.code === DUPLICATE_KEY);
}
