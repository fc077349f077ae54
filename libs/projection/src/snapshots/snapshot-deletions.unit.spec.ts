import { GlobalPosition } from '@hub/event-store';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { random } from '@hub/testing/projection/hub-workload-activity';
import { AsOfView, asOfView, foldAsOf } from '../as-of';
import { MemoryReadModelStore } from '../memory-read-model-store';
import { ProjectionRunner } from '../projection-runner';
import { SnapshotViewStore } from './snapshot-view-store';

const STREAMS = ['a', 'b', 'c', 'd', 'e'];

/** Every stream document, by id and through the index: what a query can ask a view. */
async function streams(view: AsOfView) {
  const collection = view.collection('streams');
  const byId = await view.store.getMany(collection, STREAMS);
  const all = await view.store.find(collection, {
    sort: [{ field: 'lastType', direction: 'asc' }],
  });
  const renamed = await view.store.find(collection, { filter: { lastType: 'ItemRenamed' } });
  return { byId, all: all.items, renamed: renamed.items.map((doc) => doc.id) };
}

describe('snapshots of deleted and recreated documents', () => {
  it('answers as the full fold at every position: deleted, recreated, created after, never there', async () => {
    const events = new MemoryEventStore();
    const rnd = random(5);
    for (let i = 0; i < 160; i += 1) {
      const stream = STREAMS[Math.floor(rnd() * (STREAMS.length - 1))];
      const roll = rnd();
      const type = roll < 0.2 ? 'StreamClosed' : roll < 0.5 ? 'ItemAdded' : 'ItemRenamed';
      await appendTypes(events, stream, type);
    }
    const store = new MemoryReadModelStore();
    const projection = sampleProjection();
    const runner = new ProjectionRunner(events, store, [projection], {
      batchSize: 4,
      snapshotEvery: 3,
      snapshotKeepRecent: 4,
    });
    await runner.start();
    try {
      const head = (await events.headPosition())!;
      await runner.waitForPosition('sample', head, 20_000);
      let fromSnapshots = 0;
      for (let position = 1n; position <= head; position += 1n) {
        const asOf = { position: position as GlobalPosition };
        const view = await asOfView(events, store, projection, asOf);
        if (view.store instanceof SnapshotViewStore) fromSnapshots += 1;
        expect(await streams(view)).toEqual(
          await streams(await foldAsOf(events, projection, asOf)),
        );
      }
      expect(fromSnapshots).toBeGreaterThan(80);
    } finally {
      await runner.stop();
    }
  });
});
