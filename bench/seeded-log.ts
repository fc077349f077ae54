// A SQLite event log seeded with the hub workload in a child process (projections-seed.ts), so
// the measuring process starts clean; shared by bench:projections and bench:as-of.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { GlobalPosition, SqliteEventStore } from '@hub/event-store';
import { fsyncPath } from '@hub/runtime/fsync-path';

/** Seeds `total` events into `file` in a child process; answers the head. */
export async function seedLog(file: string, total: number): Promise<GlobalPosition> {
  const child = spawnSync(
    process.execPath,
    [join(__dirname, 'projections-seed.js'), file, String(total)],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error(`seeding failed (exit ${child.status})`);
  // Seeding leaves about a gigabyte of dirty pages that the kernel writes back over the next half
  // minute, slowing every fsync of whatever runs then; flushed here, outside the timings.
  fsyncPath(file);
  const store = new SqliteEventStore({ file });
  try {
    return (await store.headPosition())!;
  } finally {
    await store.close();
  }
}
