import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { ProjectionBatch } from '@hub/read-store';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { eventually } from '@hub/testing/eventually';
import { MemoryReadModelStore } from '../memory-read-model-store';
import { buildPrefix } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { SnapshotMeta, SnapshotRow, snapshotMetas, snapshotRows } from './snapshot-layout';
import { SnapshotShare, snapshotShare } from './snapshot-share.fixtures';

describe('a snapshot written a few rows a batch', () => {
  // What broke: a snapshot of a live projection went with one batch, 2,500 new documents at the
  // default, and held the checkpoint (and every minPosition query) back by about 100 ms.
  it('is finished once the log stands still, with no batch left to carry its rows', async () => {
    const events = new MemoryEventStore();
    const store = new MemoryReadModelStore();
    const projection = sampleProjection();
    const runner = new ProjectionRunner(events, store, [projection], {
      batchSize: 50,
      snapshotEvery: 30,
      snapshotChunk: 1,
      idleProbeMs: 5,
    });
    const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
    await runner.start();
    try {
      for (let i = 0; i < 29; i += 1) await appendTypes(events, `s${i}`, 'ItemAdded');
      await runner.waitForPosition('sample', (await events.headPosition())!, 5000);
      // The 30th event makes a snapshot due: its batch carries one row of the 31 (30 streams
      // and one type), and nothing is appended after it.
      const last = await appendTypes(events, 's29', 'ItemAdded');
      await runner.waitForPosition('sample', last.position, 5000);
      const metas = await eventually('the snapshot written whole', async () => {
        const found = (await store.find<SnapshotMeta>(snapshotMetas(prefix))).items;
        return found.length > 0 ? found : undefined;
      });
      expect(metas.map((meta) => [meta.seq, meta.position])).toEqual([[1, '30']]);
      const rows = (await store.find<SnapshotRow>(snapshotRows(prefix, 'streams'), { limit: 100 }))
        .items;
      expect(rows.map((row) => row._doc).sort()).toEqual(
        Array.from({ length: 30 }, (_, i) => `s${i}`).sort(),
      );
    } finally {
      await runner.stop();
    }
  });

  // What broke: catch-up windows carried a snapshot a chunk at a time too, so the next snapshot
  // waited for a whole window instead of its interval; at 1,000,000 events (bench:projections) a
  // window's snapshot outgrew the arguments a call takes ("Maximum call stack size exceeded").
  it('goes whole with a catch-up window, as it is decided', async () => {
    const events = new MemoryEventStore();
    for (let i = 0; i < 400; i += 1)
      await appendTypes(events, `s${i % 40}`, i % 3 === 0 ? 'ItemAdded' : 'ItemRenamed');
    const projection = sampleProjection();
    const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
    const carried: SnapshotShare[] = [];
    const store = new (class extends MemoryReadModelStore {
      override async applyBatch(batch: ProjectionBatch): Promise<void> {
        await super.applyBatch(batch);
        carried.push(snapshotShare(batch, prefix));
      }
    })();
    const runner = new ProjectionRunner(events, store, [projection], {
      batchSize: 20,
      snapshotEvery: 30,
      snapshotChunk: 1,
    });
    await runner.start();
    try {
      await runner.waitForPosition('sample', (await events.headPosition())!, 5000);
      const snapshots = carried.filter((batch) => batch.rows > 0 || batch.meta);
      expect(snapshots.length).toBeGreaterThan(8);
      expect(snapshots.filter((batch) => !batch.meta || batch.rows === 0)).toEqual([]);
    } finally {
      await runner.stop();
    }
  });
});
