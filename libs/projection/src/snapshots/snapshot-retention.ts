import { DocumentChange, ReadModelStore } from '@hub/read-store';
import { Projection } from '../projection';
import {
  OPEN,
  SnapshotMeta,
  SnapshotRow,
  findEvery,
  snapshotMetas,
  snapshotRows,
} from './snapshot-layout';

/**
 * Retention: the newest `keepRecent` snapshots are all kept; an older one is kept when its
 * number is a multiple of 2^b, where band b = ⌊log2(age / keepRecent)⌋ + 1 grows by one each
 * time the age doubles. So the snapshots kept are about keepRecent · (1 + log2(n / keepRecent)),
 * as-of answers within the last keepRecent intervals fold at most one interval of events, and
 * an answer in band b at most 2^b intervals. A dropped snapshot never comes back: a multiple of
 * 2^b is a multiple of every smaller power, and a snapshot's band only grows.
 */
export function keepsSnapshot(seq: number, latest: number, keepRecent: number): boolean {
  const age = latest - seq;
  if (age < keepRecent) return true;
  const band = Math.floor(Math.log2(age / keepRecent)) + 1;
  return seq % 2 ** band === 0;
}

/** A row's id in the store: the document's own while current, `id@from` once superseded. */
export function rowId(doc: string, from: number, until: number): string {
  return until === OPEN ? doc : `${doc}@${from}`;
}

/**
 * The deletions that apply the retention policy once snapshot `latest` is written: the dropped
 * snapshots' metadata, and every row no kept snapshot sees (between kept snapshots a and b, a
 * row alive only in (a, b) — from > a and until ≤ b — is seen by none). Written in the same
 * batch as the new snapshot. `keepRecent` ≥ 2, so a dropped run ends before `latest`, and
 * every row it could hold is already stored.
 */
export async function retentionChanges(
  store: ReadModelStore,
  projection: Projection,
  prefix: string,
  latest: number,
  keepRecent: number,
): Promise<DocumentChange[]> {
  const metas = await findEvery<SnapshotMeta>(store, snapshotMetas(prefix));
  const stored = metas.map((m) => m.seq).sort((a, b) => a - b);
  const dropped = stored.filter((seq) => !keepsSnapshot(seq, latest, keepRecent));
  if (dropped.length === 0) return [];
  const kept = [...stored.filter((seq) => keepsSnapshot(seq, latest, keepRecent)), latest];
  const changes: DocumentChange[] = dropped.map((seq) => ({
    kind: 'delete',
    collection: snapshotMetas(prefix),
    id: metaId(seq),
  }));
  for (const run of runsOf(dropped, kept))
    for (const collection of projection.collections) {
      const rows = snapshotRows(prefix, collection.name);
      const hidden = await findEvery<SnapshotRow>(store, rows, {
        _from: { $gt: run.after },
        _until: { $lte: run.before },
      });
      for (const row of hidden)
        changes.push({
          kind: 'delete',
          collection: rows,
          id: rowId(row._doc, row._from, row._until),
        });
    }
  return changes;
}

/** Each run of dropped snapshots as the kept snapshots around it (0: before the first). */
function runsOf(dropped: number[], kept: number[]): { after: number; before: number }[] {
  const runs = new Map<string, { after: number; before: number }>();
  for (const seq of dropped) {
    const after = Math.max(0, ...kept.filter((k) => k < seq));
    const before = Math.min(...kept.filter((k) => k > seq));
    runs.set(`${after}:${before}`, { after, before });
  }
  return [...runs.values()];
}

export function metaId(seq: number): string {
  return String(seq).padStart(10, '0');
}
