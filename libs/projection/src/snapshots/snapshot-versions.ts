import { DocumentChange, ReadModelStore } from '@hub/read-store';
import { documentTexts } from '../projection-batch';
import { OPEN, OPEN_KEY, SnapshotRow, snapshotRows, versionKey } from './snapshot-layout';
import { rowId } from './snapshot-retention';

/** Documents of one logical collection changed since the last snapshot, for snapshot `seq`. */
export interface ChangedDocuments {
  collection: string;
  ids: readonly string[];
  seq: number;
  /** The changes of the batch at the snapshot's checkpoint (newer than the store), by collection and id. */
  latest: ReadonlyMap<string, DocumentChange>;
}

/**
 * The version rows snapshot `seq` writes for `ids` (snapshot-layout.ts): a document whose text
 * changed gets a new current row, and its previous one is kept under `id@from` as of then; a
 * document deleted loses its current row.
 */
export async function versionChanges(
  store: ReadModelStore,
  prefix: string,
  { collection, ids, seq, latest }: ChangedDocuments,
): Promise<DocumentChange[]> {
  const live = prefix + '_' + collection;
  const texts = new Map<string, string | null>();
  const unread: string[] = [];
  for (const id of ids) {
    const change = latest.get(`${live}\u0000${id}`);
    if (!change) unread.push(id);
    else
      texts.set(
        id,
        change.kind === 'delete'
          ? null
          : change.kind === 'put'
            ? JSON.stringify(change.doc)
            : change.json,
      );
  }
  for (const [id, text] of await documentTexts(store, live, unread)) texts.set(id, text);
  const rows = snapshotRows(prefix, collection);
  const current = new Map(
    (await store.getMany<SnapshotRow>(rows, [...ids])).map((row) => [row._doc, row]),
  );
  const changes: DocumentChange[] = [];
  for (const id of ids) {
    const text = texts.get(id) ?? null;
    const before = current.get(id);
    if (before && text !== null && JSON.stringify(before._d) === text) continue;
    if (!before && text === null) continue;
    // A row from this very `seq` was left by a snapshot a crash cut short: written over.
    if (before && before._from < seq) {
      const archived = { ...before, _until: seq, _key: versionKey(before._from, seq) };
      changes.push({
        kind: 'put',
        collection: rows,
        id: rowId(id, before._from, seq),
        doc: archived,
      });
    }
    if (text === null) changes.push({ kind: 'delete', collection: rows, id });
    else
      changes.push({
        kind: 'putJson',
        collection: rows,
        id,
        json: `{"_doc":${JSON.stringify(id)},"_from":${seq},"_until":${OPEN},"_key":"${OPEN_KEY}","_d":${text}}`,
      });
  }
  return changes;
}
