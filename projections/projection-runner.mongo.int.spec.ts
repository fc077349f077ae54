import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { GlobalPosition, SqliteEventStore } from '@hub/event-store';
import { Document, ReadModelStore, SqliteReadModelStore } from '@hub/read-store';
import { MongoReadModelStore } from '@hub/read-store/mongo/mongo-read-model-store';
import { mongoUrl } from '@hub/testing/engines';
import { eventually } from '@hub/testing/eventually';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { casesProjection } from '@hub/projections/cases/cases.projection';
import { customerActivityProjection } from '@hub/projections/customer-activity/customer-activity.projection';
import { buildPrefix } from '@hub/projection/projection';
import { applyEvents } from '@hub/projection/projection-batch';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { appendWorkload } from '@hub/testing/projection/hub-workload';

const EVENTS = 600;
// Small batches: many commits, and batch boundaries in the middle of every kind of sequence.
const OPTIONS = { batchSize: 37, idleProbeMs: 20, pollIntervalMs: 20, retryDelayMs: 1 };

type Snapshot = Record<string, Document[]>;

/** Every document of every projection's active build, by physical collection, sorted by id. */
async function snapshot(runner: ProjectionRunner, store: ReadModelStore): Promise<Snapshot> {
  const all: Snapshot = {};
  for (const projection of ALL_PROJECTIONS)
    for (const { name } of projection.collections) {
      const collection = runner.collection(projection.name, name);
      const { items } = await store.find(collection);
      all[collection] = items.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
  return all;
}

/** Runs every projection until each has applied `head`, and returns its documents. */
async function project(
  events: SqliteEventStore,
  store: ReadModelStore,
  head: GlobalPosition,
): Promise<Snapshot> {
  const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS, OPTIONS);
  try {
    await runner.start();
    for (const { name } of ALL_PROJECTIONS) await runner.waitForPosition(name, head, 60_000);
    // A build with nothing it handles before the head shows the head before its checkpoint
    // gets there (its documents are the same): the checkpoints follow.
    const checkpoints = async () => (await runner.status()).map((s) => [s.name, s.checkpoint]);
    const atHead = ALL_PROJECTIONS.map((p) => [p.name, head.toString()]);
    await eventually(
      'every checkpoint at the head',
      async () => JSON.stringify(await checkpoints()) === JSON.stringify(atHead),
      60_000,
    );
    return await snapshot(runner, store);
  } finally {
    await runner.stop();
  }
}

/**
 * Puts every checkpoint back to `position` while the documents stay as they are: the state a
 * crash leaves when documents were written but the checkpoint was not (the Mongo adapter
 * writes the checkpoint last, without a transaction), many batches over.
 */
async function rewindCheckpoints(store: ReadModelStore, position: bigint): Promise<void> {
  for (const projection of ALL_PROJECTIONS) {
    const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
    await store.applyBatch({ projection: prefix, changes: [], checkpoint: position.toString() });
    expect((await store.getCheckpoint(prefix))?.position).toBe(position.toString());
  }
}

/**
 * Applies, for every projection, the batch of events right after `older` again, exactly as a
 * restarted worker would: over the stored (newer) documents, with the batch's own position.
 */
async function replayOneBatch(
  events: SqliteEventStore,
  store: ReadModelStore,
  older: bigint,
): Promise<number> {
  let replayed = 0;
  for (const projection of ALL_PROJECTIONS) {
    const page = await events.readAll({
      fromPosition: (older + 1n) as GlobalPosition,
      maxCount: 100,
      filter: { eventTypes: projection.handles },
    });
    if (page.length === 0) continue;
    const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
    const result = await applyEvents(
      store,
      projection,
      prefix,
      page,
      page[page.length - 1].position,
    );
    expect(result.failure).toBeUndefined();
    replayed += page.length;
  }
  return replayed;
}

describe('ProjectionRunner on the MongoDB protocol (FerretDB) against SQLite', () => {
  let dir: string;
  let events: SqliteEventStore;
  let head: GlobalPosition;
  let client: MongoClient;
  let mongo: MongoReadModelStore;
  let sqlite: SqliteReadModelStore;
  const database = `projector_it_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-mongo-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    head = await appendWorkload(events, EVENTS, 7);
    client = await new MongoClient(mongoUrl(), { serverSelectionTimeoutMS: 5_000 }).connect();
    mongo = new MongoReadModelStore(client, { database });
    sqlite = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
  });

  afterAll(async () => {
    await client?.db(database).dropDatabase();
    await client?.close();
    await sqlite?.close();
    await events?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('projects every event into the same documents as SQLite, and a replay changes none', async () => {
    expect(head).toBe(BigInt(EVENTS));
    const expected = await project(events, sqlite, head);
    const actual = await project(events, mongo, head);

    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const collection of Object.keys(expected)) {
      expect({ collection, count: actual[collection].length }).toEqual({
        collection,
        count: expected[collection].length,
      });
      expected[collection].forEach((doc, i) => expect(actual[collection][i]).toEqual(doc));
    }
    // The workload reaches every read model, not just a corner of them.
    const filled = Object.entries(expected).filter(([, docs]) => docs.length > 0);
    expect(filled.length).toBeGreaterThanOrEqual(15);
    expect(
      expected[`customer_activity_v${customerActivityProjection.version}_records`].length,
    ).toBeGreaterThan(100);
    expect(expected[`cases_v${casesProjection.version}_cases`].length).toBeGreaterThan(10);

    // Crash between documents and checkpoint: every batch after `older` is applied again over
    // documents that already hold its effects (and later ones); conditional writes skip them.
    const older = head / 3n;
    await rewindCheckpoints(mongo, older);
    await rewindCheckpoints(sqlite, older);
    const view = new ProjectionRunner(events, mongo, ALL_PROJECTIONS, OPTIONS);
    await view.load();
    expect(await replayOneBatch(events, mongo, older)).toBeGreaterThan(200);
    expect(await snapshot(view, mongo)).toEqual(expected);
    expect(await replayOneBatch(events, sqlite, older)).toBeGreaterThan(200);
    expect(await snapshot(view, sqlite)).toEqual(expected);
    expect(await project(events, mongo, head)).toEqual(expected);
    expect(await project(events, sqlite, head)).toEqual(expected);
  });
});
