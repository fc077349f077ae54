import { SqliteEventStore } from '@hub/event-store';
import { SqliteReadModelStore } from '@hub/read-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { sampleProjection } from './sample-projection';

/**
 * A child process for the crash test: builds the sample projection (version from argv) from
 * a SQLite event store into a SQLite read store, and exits 0 once it has reached the head.
 * Usage: rebuild-child.ts <events.sqlite> <read.sqlite> <version> <batchSize>
 */
async function main(): Promise<void> {
  const [eventsFile, readFile, version, batchSize] = process.argv.slice(2);
  const events = new SqliteEventStore({ file: eventsFile });
  const store = new SqliteReadModelStore({ file: readFile });
  const runner = new ProjectionRunner(events, store, [sampleProjection(Number(version))], {
    batchSize: Number(batchSize),
    // Commit every other page, so the kill lands between many commits.
    catchUpWindow: 2 * Number(batchSize),
  });
  await runner.start();
  const head = await events.headPosition();
  if (head !== null) await runner.waitForPosition('sample', head, 600_000);
  const status = await runner.statusOf('sample');
  if (status.version !== Number(version) || status.state === 'halted')
    throw new Error(JSON.stringify(status));
  await runner.stop();
  await events.close();
  await store.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
