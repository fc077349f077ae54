import { ProjectionBatch } from '../read-model-store.port';
import { changedJson, coalesceChanges, parsePosition } from '../shared/batch';
import { ReadStoreUsageError } from '../shared/identifiers';
import { sqlOfCollection } from './sqlite-collection';
import { WriteStep } from './sqlite-writes';

const INT64_MAX = (1n << 63n) - 1n;
const SAVE_CHECKPOINT = `INSERT INTO checkpoints (projection, position, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (projection) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`;

/**
 * The write steps of a projection batch: per collection, its conditional puts and deletes
 * (skipped where the stored document is newer, see `collectionSql`), then the checkpoint.
 * Validated here, in the caller's thread, so bad input fails before anything is written.
 */
export function batchSteps(batch: ProjectionBatch): WriteStep[] {
  const position = parsePosition(batch.checkpoint);
  if (position > INT64_MAX) throw new ReadStoreUsageError('position exceeds SQLite INTEGER');
  const steps: WriteStep[] = [];
  for (const [collection, changes] of coalesceChanges(batch)) {
    const ids: string[] = [];
    const docs: string[] = [];
    const deleted: string[] = [];
    for (const change of changes)
      if (change.kind === 'delete') deleted.push(change.id);
      else {
        ids.push(change.id);
        docs.push(changedJson(change));
      }
    const sql = sqlOfCollection(collection);
    steps.push({ sql: sql.create });
    if (ids.length > 0) steps.push({ sql: sql.putAt, columns: [ids, docs], constants: [position] });
    if (deleted.length > 0)
      steps.push({ sql: sql.deleteAt, columns: [deleted], constants: [position] });
  }
  steps.push({
    sql: SAVE_CHECKPOINT,
    constants: [batch.projection, batch.checkpoint, new Date().toISOString()],
  });
  return steps;
}
