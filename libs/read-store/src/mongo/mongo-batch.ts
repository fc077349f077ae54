import {
  AnyBulkWriteOperation,
  Collection,
  MongoBulkWriteError,
  OptionalUnlessRequiredId,
} from 'mongodb';
import { DocumentChange } from '../read-model-store.port';
import { changedDocument } from '../shared/batch';
import { KnownPositions } from './known-positions';
import { StoredDocument } from './mongo-query';

const DUPLICATE_KEY = 11000;
// Small update commands: FerretDB 1.24 (SQLite handler) keeps each statement's query open, on a
// connection of its own, until the whole command ends, and a database has 100 connections. A
// command of 100 replacements took them all and waited for one more, for ever (a rebuild with
// snapshots hung; mongo-bulk-replacements.int.spec.ts). With 8, the seven projections of a
// projector writing at once hold at most 63. It also evaluates an update's or delete's `_id`
// without its index (a scan per statement), so commands stay short either way. Inserts use the
// index and are cheap.
const CHUNK = 8;
const INSERT_CHUNK = 1_000;

/**
 * Writes one collection's changes of a batch without a transaction (FerretDB 1.x has none).
 * Where the store knows the document's stored position (it prefetched or wrote it: see
 * `KnownPositions`; the positions of the others are read first, in one query), the position
 * check is done here, in memory: a document absent is inserted, one older is replaced by `_id`,
 * one as new as the batch is left alone (a replay). Only a document inserted by someone else
 * in between gets the conditional write the engine checks.
 * Either way a batch replayed after a crash changes nothing, and an older batch never
 * overwrites a newer document.
 */
export async function writeChanges(
  collection: Collection<StoredDocument>,
  name: string,
  changes: readonly DocumentChange[],
  position: string,
  pos: string,
  known: KnownPositions,
): Promise<void> {
  const inserts: StoredDocument[] = [];
  const byId: AnyBulkWriteOperation<StoredDocument>[] = [];
  const conditional: DocumentChange[] = [];
  const skipped = new Set<string>();
  const stored = (change: Exclude<DocumentChange, { kind: 'delete' }>): StoredDocument => ({
    ...changedDocument(change),
    _id: change.id,
    _position: position,
    _pos: pos,
  });
  await learnPositions(
    collection,
    name,
    changes.filter((change) => known.get(name, change.id) === undefined).map((change) => change.id),
    known,
  );
  for (const change of changes) {
    const was = known.get(name, change.id);
    if (was === undefined) conditional.push(change);
    else if (was !== null && was >= pos)
      skipped.add(change.id); // already applied: a replay
    else if (change.kind === 'delete') {
      if (was !== null) byId.push({ deleteOne: { filter: { _id: change.id } } });
    } else if (was === null) inserts.push(stored(change));
    else {
      const { _id, ...replacement } = stored(change);
      byId.push({ replaceOne: { filter: { _id }, replacement, upsert: true } });
    }
  }
  // A document inserted meanwhile by someone else (knowledge gone stale) is written conditionally.
  for (const id of await insertAll(collection, inserts))
    conditional.push(changes.find((change) => change.id === id)!);
  for (let from = 0; from < byId.length; from += CHUNK)
    await collection.bulkWrite(byId.slice(from, from + CHUNK), { ordered: false });
  await writeConditionally(collection, conditional, position, pos);
  for (const change of changes)
    if (!skipped.has(change.id)) known.set(name, change.id, change.kind === 'delete' ? null : pos);
  // What the engine decided for a conditional write is not known here.
  for (const change of conditional) known.forget(name, change.id);
}

/**
 * Reads the stored positions of documents the batch writes without having read them (a
 * projection may put a document it did not locate): one query for all of them, where one
 * conditional write each would make FerretDB scan the collection once per document.
 */
async function learnPositions(
  collection: Collection<StoredDocument>,
  name: string,
  ids: readonly string[],
  known: KnownPositions,
): Promise<void> {
  for (let from = 0; from < ids.length; from += INSERT_CHUNK) {
    const chunk = ids.slice(from, from + INSERT_CHUNK);
    const found = await collection
      .find({ _id: { $in: chunk } }, { projection: { _pos: 1 } })
      .toArray();
    const positions = new Map(found.map((stored) => [stored._id, stored._pos ?? '']));
    for (const id of chunk) known.set(name, id, positions.get(id) ?? null);
  }
}

/** Inserts the documents; answers the ids that turned out to exist already. */
async function insertAll(
  collection: Collection<StoredDocument>,
  documents: StoredDocument[],
): Promise<string[]> {
  const existing: string[] = [];
  for (let from = 0; from < documents.length; from += INSERT_CHUNK) {
    const chunk = documents.slice(from, from + INSERT_CHUNK);
    try {
      await collection.insertMany(chunk as OptionalUnlessRequiredId<StoredDocument>[], {
        ordered: false,
      });
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
      for (const e of writeErrorsOf(error)) existing.push(chunk[e.index]._id);
    }
  }
  return existing;
}

/** The engine-checked write: applies only where the stored document is older than the batch. */
async function writeConditionally(
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
      // The condition failed on an existing document, so the upsert tried to insert a second
      // one with the same `_id`: the stored one is newer, which is exactly the case to skip.
      if (!onlyDuplicates(error)) throw error;
    }
  }
}

function writeErrorsOf(error: MongoBulkWriteError): { index: number; code: number }[] {
  const errors = error.writeErrors as unknown as { index: number; code: number }[];
  return Array.isArray(errors) ? errors : [errors];
}

function onlyDuplicates(error: unknown): error is MongoBulkWriteError {
  if (!(error instanceof MongoBulkWriteError) || error.writeConcernError) return false;
  const errors = writeErrorsOf(error);
  return errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY);
}
