// Full rebuild of every projection (ALL_PROJECTIONS) with the real ProjectionRunner, from a
// SqliteEventStore holding a mixed workload of the hub's domain events, into (a) a
// SqliteReadModelStore and (b) a MongoReadModelStore (FerretDB), each against a baseline that
// bulk-writes the same final documents straight into a fresh store of the same engine.
// `npm run bench:projections [-- --events N --mongo-events N --batch N --snapshot-every N --skip-mongo
// --mongo-only]`.
// Seeding runs in a child process with synchronous=NORMAL (it is setup, not measured).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { GlobalPosition, SqliteEventStore } from '@hub/event-store';
import { ReadModelStore, SqliteReadModelStore } from '@hub/read-store';
import { MongoReadModelStore } from '@hub/read-store/mongo/mongo-read-model-store';
import { mongoUrl } from '@hub/testing/engines';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import {
  BaselineResult,
  BenchCollection,
  mongoBaseline,
  sqliteBaseline,
} from './projections-baseline';
import { describeThreadCpu, markThreadCpu } from './thread-cpu';
import { seedLog } from './seeded-log';
import { arg, flag, nowSeconds as now } from './bench-args';

const EVENTS = arg('events', 1_000_000);
// FerretDB 1.x (SQLite handler) evaluates every update's `_id` by scanning, so the MongoDB store
// inserts what it knows to be new and reads positions in bulk; still slower than SQLite per
// document, so its default stays small: raise it with --mongo-events (README has 50,000).
const MONGO_EVENTS = arg('mongo-events', 5_000);
const BATCH = arg('batch', 1_000);
// Unset: the hub's default for each store (every 2,500 events on SQLite, none on MongoDB); 0
// measures the runner without snapshots, whose cadence closes a catch-up's window (every snapshot
// rewrites the documents changed since).
const SNAPSHOT_EVERY = flag('snapshot-every') ? arg('snapshot-every', 0) : undefined;
const SKIP_MONGO = flag('skip-mongo');
const MONGO_ONLY = flag('mongo-only');

interface Row {
  engine: string;
  events: number;
  rebuildSeconds: number;
  baseline: BaselineResult;
}

/** Starts the runner on an empty read store and waits until every projection reached `head`. */
async function rebuild(eventsFile: string, store: ReadModelStore, head: GlobalPosition) {
  const events = new SqliteEventStore({ file: eventsFile });
  const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS, {
    batchSize: BATCH,
    snapshotEvery: SNAPSHOT_EVERY,
  });
  const progress = setInterval(() => {
    void runner
      .status()
      .then((all) =>
        console.log(`  ${all.map((s) => `${s.name}@${s.checkpoint ?? 0}`).join(' ')}`),
      );
  }, 10_000);
  const started = now();
  const cpu = markThreadCpu();
  try {
    await runner.start();
    for (const { name } of ALL_PROJECTIONS) await runner.waitForPosition(name, head, 3_600_000);
    const seconds = now() - started;
    console.log(`  ${describeThreadCpu(cpu)}`);
    const collections: BenchCollection[] = ALL_PROJECTIONS.flatMap((p) =>
      p.collections.map((c) => ({
        name: runner.collection(p.name, c.name),
        indexes: c.indexes ?? [],
      })),
    );
    return { seconds, collections };
  } finally {
    clearInterval(progress);
    await runner.stop();
    await events.close();
  }
}

async function sqliteRun(dir: string): Promise<Row> {
  const eventsFile = join(dir, 'events.sqlite');
  const head = await seedLog(eventsFile, EVENTS);
  const readFile = join(dir, 'read-models.sqlite');
  const store = new SqliteReadModelStore({ file: readFile });
  try {
    const { seconds, collections } = await rebuild(eventsFile, store, head);
    console.log(`SQLite rebuild: ${seconds.toFixed(1)} s`);
    const baseline = await sqliteBaseline(
      store,
      readFile,
      join(dir, 'baseline.sqlite'),
      collections,
    );
    return { engine: 'SQLite', events: Number(head), rebuildSeconds: seconds, baseline };
  } finally {
    await store.close();
  }
}

async function mongoRun(dir: string): Promise<Row> {
  const eventsFile = join(dir, 'events-mongo.sqlite');
  const head = await seedLog(eventsFile, MONGO_EVENTS);
  const client = await new MongoClient(mongoUrl(), { serverSelectionTimeoutMS: 5_000 }).connect();
  const suffix = `${process.pid}_${Date.now()}`;
  const rebuiltDb = `bench_rebuild_${suffix}`;
  const baselineDb = `bench_baseline_${suffix}`;
  const store = new MongoReadModelStore(client, { database: rebuiltDb });
  try {
    const { seconds, collections } = await rebuild(eventsFile, store, head);
    console.log(`MongoDB (FerretDB) rebuild: ${seconds.toFixed(1)} s`);
    const baseline = await mongoBaseline(store, client.db(baselineDb), collections);
    return {
      engine: 'MongoDB protocol (FerretDB)',
      events: Number(head),
      rebuildSeconds: seconds,
      baseline,
    };
  } finally {
    await client.db(rebuiltDb).dropDatabase();
    await client.db(baselineDb).dropDatabase();
    await client.close();
  }
}

function report(rows: Row[]): void {
  console.log(
    `\nfull rebuild of ${ALL_PROJECTIONS.length} projections (${ALL_PROJECTIONS.map((p) => p.name).join(', ')}), batch ${BATCH}, snapshots ${SNAPSHOT_EVERY === undefined ? 'as the hub does on each store' : `every ${SNAPSHOT_EVERY || 'never'} events`}\n`,
  );
  console.log(
    '| engine | events | rebuild s | events/s | documents | direct-write s | documents/s | hub/direct |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const ratio = (100 * r.baseline.seconds) / r.rebuildSeconds;
    console.log(
      `| ${r.engine} | ${r.events} | ${r.rebuildSeconds.toFixed(1)} | ${Math.round(r.events / r.rebuildSeconds)} | ` +
        `${r.baseline.documents} | ${r.baseline.seconds.toFixed(1)} | ${Math.round(r.baseline.documents / r.baseline.seconds)} | ${ratio.toFixed(0)}% |`,
    );
  }
  console.log('\ntargets (SQLite, 1,000,000 events): >= 25,000 events/s and hub/direct >= 50%');
  console.log(
    'hub/direct = direct-write time / rebuild time: 50% means the rebuild takes twice as long',
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-projections-'));
  const rows: Row[] = [];
  try {
    if (!MONGO_ONLY) rows.push(await sqliteRun(dir));
    if (!SKIP_MONGO) {
      console.log(
        `\nMongoDB run uses ${MONGO_EVENTS} events (--mongo-events): FerretDB is far slower per write, see the row below`,
      );
      rows.push(await mongoRun(dir));
    }
    report(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
