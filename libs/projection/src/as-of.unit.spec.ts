import { GlobalPosition } from '@hub/event-store';
import { Document } from '@hub/read-store';
import { foldAsOf } from './as-of';
import { MemoryReadModelStore } from './memory-read-model-store';
import { ProjectionRunner, ProjectionView } from './projection-runner';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';

/** The query under test, written once against a view: live or as-of answer alike. */
async function streamsByLastType(view: ProjectionView): Promise<Document[]> {
  const page = await view.store.find(view.collection('streams'), {
    sort: [{ field: 'lastType', direction: 'asc' }],
  });
  return page.items;
}

describe('foldAsOf', () => {
  it('answers as the live projection did at that position and at that instant', async () => {
    const events = new MemoryEventStore();
    const store = new MemoryReadModelStore();
    const projection = sampleProjection();
    const runner = new ProjectionRunner(events, store, [projection], {
      batchSize: 2,
      idleProbeMs: 10,
    });
    await runner.start();
    let clock = Date.parse('2024-03-01T00:00:00.000Z');
    events.now = () => new Date((clock += 60_000)).toISOString();

    await appendTypes(events, 'a', 'ItemAdded', 'ItemRenamed');
    await appendTypes(events, 'b', 'ItemAdded', 'Unrelated');
    const { position } = await appendTypes(events, 'c', 'ItemAdded');
    await runner.waitForPosition('sample', position, 2000);
    const live = await streamsByLastType(runner.view('sample'));
    const instant = new Date(clock + 30_000).toISOString();
    await appendTypes(events, 'a', 'StreamClosed');
    const after = await appendTypes(events, 'b', 'ItemRenamed', 'ItemRenamed');
    await runner.waitForPosition('sample', after.position, 2000);
    expect(await streamsByLastType(runner.view('sample'))).not.toEqual(live);

    const atPosition = await foldAsOf(events, projection, { position });
    expect(await streamsByLastType(atPosition)).toEqual(live);
    expect(atPosition.position).toBe(position);
    const atInstant = await foldAsOf(events, projection, { instant }, 2);
    expect(await streamsByLastType(atInstant)).toEqual(live);
    // A position between handled events folds everything up to it.
    expect((await foldAsOf(events, projection, { position: 4n as GlobalPosition })).position).toBe(
      3n,
    );
    expect(
      await streamsByLastType(
        await foldAsOf(events, projection, { instant: '2020-01-01T00:00:00Z' }),
      ),
    ).toEqual([]);
    await runner.stop();
  });
});
