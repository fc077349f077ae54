import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { ProjectionBatch } from '@hub/read-store';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { MemoryReadModelStore } from '../memory-read-model-store';
import { buildPrefix } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { SnapshotMeta, snapshotMetas } from './snapshot-layout';

/** A store whose commits take a while: a catch-up evolves several pages while one lands. */
class SlowCommits extends MemoryReadModelStore {
  override async applyBatch(batch: ProjectionBatch): Promise<void> {
    for (let turn = 0; turn < 50; turn += 1) await new Promise((done) => setImmediate(done));
    return super.applyBatch(batch);
  }
}

describe('snapshot spacing during a catch-up', () => {
  it('writes a snapshot every snapshotEvery events, however long a commit takes (they were as far apart as the events evolved during one)', async () => {
    const events = new MemoryEventStore();
    for (let stream = 0; stream < 60; stream += 1)
      await appendTypes(events, `s${stream}`, ...Array<string>(40).fill('ItemRenamed'));
    const store = new SlowCommits();
    const projection = sampleProjection();
    const runner = new ProjectionRunner(events, store, [projection], {
      batchSize: 20,
      snapshotEvery: 100,
    });
    await runner.start();
    try {
      await runner.waitForPosition('sample', (await events.headPosition())!, 20_000);
      const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
      const metas = (await store.find<SnapshotMeta>(snapshotMetas(prefix), { limit: 1000 })).items;
      const positions = metas.map((m) => Number(m.position)).sort((a, b) => a - b);
      // 2,400 events, every one handled: a snapshot per 100, give or take a page of 20.
      expect(positions.length).toBeGreaterThanOrEqual(20);
      const gaps = positions.slice(1).map((p, i) => p - positions[i]);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(120);
    } finally {
      await runner.stop();
    }
  });
});
