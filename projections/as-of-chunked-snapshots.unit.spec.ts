import { ProjectionBatch } from '@hub/read-store';
import { eventually } from '@hub/testing/eventually';
import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { SnapshotShare, snapshotShare } from '@hub/projection/snapshots/snapshot-share.fixtures';
import { buildPrefix } from '@hub/projection/projection';
import {
  SnapshotRow,
  snapshotMetas,
  snapshotRows,
} from '@hub/projection/snapshots/snapshot-layout';
import { ALL_PROJECTIONS } from './index';
import {
  NAMES,
  appendRandomHistory,
  expectAsOfAnswersAsFullFold,
  randomClockStore,
} from './as-of-snapshots.fixtures';

const projections = ALL_PROJECTIONS.filter((p) => (NAMES as readonly string[]).includes(p.name));
const activity = projections.find((p) => p.name === 'customer-activity')!;
const prefix = buildPrefix(activity.name, { version: activity.version, generation: 0 });

/** What each committed batch of customer-activity carried: its own changes, snapshot rows, metadata. */
class RecordingStore extends MemoryReadModelStore {
  readonly carried: SnapshotShare[] = [];
  /** Once set: every commit fails, as if the process had died. */
  dead = false;
  /** Dies after committing this many batches that carry rows of a snapshot but not its end. */
  dieAfterPartialBatches = Infinity;

  override async applyBatch(batch: ProjectionBatch): Promise<void> {
    if (this.dead) throw new Error('the process died');
    await super.applyBatch(batch);
    if (batch.projection !== prefix) return;
    this.carried.push(snapshotShare(batch, prefix));
    const partial = this.carried.filter((c) => c.rows > 0 && !c.meta).length;
    if (partial >= this.dieAfterPartialBatches) this.dead = true;
  }
}

const OPTIONS = {
  batchSize: 13,
  snapshotEvery: 60,
  snapshotChunk: 5,
  snapshotKeepRecent: 100,
  idleProbeMs: 5,
  retryDelayMs: 1,
  maxAttempts: 2,
};

async function caughtUp(runner: ProjectionRunner, events: ReturnType<typeof randomClockStore>) {
  const head = (await events.headPosition())!;
  for (const name of NAMES) await runner.waitForPosition(name, head, 20_000);
}

/** Every snapshot metadata row of customer-activity, and every version row's span. */
async function snapshotsOf(store: MemoryReadModelStore) {
  const written = (await store.find<{ seq: number }>(snapshotMetas(prefix), { limit: 10_000 }))
    .items;
  const rows: SnapshotRow[] = [];
  for (const { name } of activity.collections)
    rows.push(
      ...(await store.find<SnapshotRow>(snapshotRows(prefix, name), { limit: 100_000 })).items,
    );
  return { seqs: written.map((m) => m.seq).sort((a, b) => a - b), rows };
}

describe('snapshots written a few rows a batch (live projections)', () => {
  it.each([1, 2])(
    'answer as-of exactly as the full fold, while their rows ride along with live batches (seed %i)',
    async (seed) => {
      const events = randomClockStore(seed);
      const store = new RecordingStore();
      const runner = new ProjectionRunner(events, store, projections, OPTIONS);
      await runner.start();
      try {
        await appendRandomHistory(events, seed, 1500);
        await caughtUp(runner, events);
        const { fromSnapshots } = await expectAsOfAnswersAsFullFold(
          events,
          store,
          projections,
          seed,
        );
        expect(fromSnapshots).toBeGreaterThan(10);
        // Snapshots were written in parts: batches carried rows of one without its end.
        expect(store.carried.filter((c) => c.rows > 0 && !c.meta).length).toBeGreaterThan(10);
        // Each live batch carried at most the chunk, or as many rows as changes of its own.
        const live = store.carried.filter((c) => c.own > 0);
        expect(live.filter((c) => c.rows > Math.max(5, c.own))).toEqual([]);
        // Once the log stands still, the last snapshot is finished without a batch to carry it.
        await eventually(
          'the last snapshot finished',
          () => store.carried.filter((c) => c.rows > 0 || c.meta).at(-1)?.meta,
        );
        const { seqs } = await snapshotsOf(store);
        expect(seqs.length).toBeGreaterThan(3);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      } finally {
        await runner.stop();
      }
    },
    60_000,
  );

  // A crash between a snapshot's batches leaves some of its rows and no metadata; the next
  // process writes that snapshot again, over them.
  it('answer exactly after a process died in the middle of writing a snapshot', async () => {
    const seed = 4;
    const events = randomClockStore(seed);
    const store = new RecordingStore();
    store.dieAfterPartialBatches = 6;
    const first = new ProjectionRunner(events, store, projections, OPTIONS);
    await first.start();
    await appendRandomHistory(events, seed, 1500);
    await eventuallyHalted(first);
    await first.stop();
    const before = await snapshotsOf(store);
    expect(before.rows.some((row) => row._from > before.seqs.length)).toBe(true);

    store.dead = false;
    store.dieAfterPartialBatches = Infinity;
    const second = new ProjectionRunner(events, store, projections, OPTIONS);
    await second.start();
    try {
      await caughtUp(second, events);
      await expectAsOfAnswersAsFullFold(events, store, projections, seed);
      const after = await snapshotsOf(store);
      expect(after.seqs.length).toBeGreaterThan(before.seqs.length);
      expect(after.seqs).toEqual(after.seqs.map((_, i) => i + 1));
      // No version alive for no snapshot at all (a row of the cut snapshot archived as its own).
      expect(after.rows.filter((row) => row._from >= row._until)).toEqual([]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});

/** Waits until a projection of the runner halted (its store died under it). */
const eventuallyHalted = (runner: ProjectionRunner) =>
  eventually('a halted projection', async () =>
    (await runner.status()).some((status) => status.state === 'halted'),
  );
