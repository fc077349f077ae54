import { ProjectionBatch } from '@hub/read-store';
import { snapshotMetas } from './snapshot-layout';

/** What a batch of build `prefix` carries of its snapshots, beside its own changes. */
export interface SnapshotShare {
  /** Changes of the build's own documents. */
  own: number;
  /** Version rows of a snapshot. */
  rows: number;
  /** Whether it carries a snapshot's metadata (its last rows). */
  meta: boolean;
}

/** Splits `batch` into its own changes and its snapshot's (their collections start as the metadata's). */
export function snapshotShare(batch: ProjectionBatch, prefix: string): SnapshotShare {
  const metas = snapshotMetas(prefix);
  const snapshot = batch.changes.filter((change) => change.collection.startsWith(metas));
  return {
    own: batch.changes.length - snapshot.length,
    rows: snapshot.filter((change) => change.collection !== metas).length,
    meta: snapshot.some((change) => change.collection === metas),
  };
}
