// Seeds the projections bench's event store in a process of its own, so the measured process
// starts clean (no heap, timers or file state left by a million appends).
// `node dist/bench/projections-seed.js <events file> <events>`.
import { SqliteEventStore } from '@hub/event-store';
import { appendWorkload } from '@hub/testing/projection/hub-workload';

async function main(): Promise<void> {
  const [file, total] = process.argv.slice(2);
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  const started = process.hrtime.bigint();
  try {
    const head = await appendWorkload(store, Number(total));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`seeded ${head} events in ${seconds.toFixed(1)} s (${file})`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
