import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlobalPosition, SqliteEventStore } from '@hub/event-store';
import { SqliteReadModelStore } from '@hub/read-store';
import { foldAsOf } from './as-of';
import { ProjectionRunner } from './projection-runner';
import { ProjectionLaggingError } from './projector.errors';
import { eventually } from '@hub/testing/eventually';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';

describe('ProjectionRunner on SQLite (event store and read store)', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteReadModelStore;
  let runner: ProjectionRunner | undefined;
  const options = { batchSize: 50, idleProbeMs: 20, pollIntervalMs: 20, retryDelayMs: 1 };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'projector-int-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    store = new SqliteReadModelStore({ file: join(dir, 'read.sqlite') });
  });
  afterEach(async () => {
    await runner?.stop();
    await events.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up, goes live, waits for filtered-out positions and times out when ahead', async () => {
    for (let i = 0; i < 120; i += 1)
      await appendTypes(events, `s-${i % 7}`, i % 3 === 0 ? 'ItemRenamed' : 'ItemAdded');
    runner = new ProjectionRunner(events, store, [sampleProjection()], options);
    await runner.start();
    await runner.waitForPosition('sample', 120n as GlobalPosition, 5000);
    const streams = runner.collection('sample', 'streams');
    expect(await store.count(streams)).toBe(7);
    expect(await store.get(streams, 's-0')).toMatchObject({ id: 's-0', events: 18 });

    const { position } = await appendTypes(events, 'noise', 'Unrelated', 'Unrelated');
    // Nothing it handles lies past its checkpoint: the wait ends at once, the checkpoint follows.
    await runner.waitForPosition('sample', position, 5000);
    await eventually(
      'the checkpoint past the filtered-out events',
      async () => (await runner!.statusOf('sample')).checkpoint === position.toString(),
      5000,
    );

    const live = await appendTypes(events, 's-0', 'StreamClosed');
    await runner.waitForPosition('sample', live.position, 5000);
    expect(await store.get(streams, 's-0')).toBeNull();
    const ahead = (live.position + 10n) as GlobalPosition;
    await expect(runner.waitForPosition('sample', ahead, 60)).rejects.toBeInstanceOf(
      ProjectionLaggingError,
    );

    const asOf = await foldAsOf(events, sampleProjection(), { position });
    const page = { sort: [{ field: 'lastPosition', direction: 'asc' as const }] };
    expect((await asOf.store.find(asOf.collection('streams'), page)).items.length).toBe(7);
    expect((await store.find(streams, page)).items).toEqual(
      (await asOf.store.find(asOf.collection('streams'), page)).items.filter(
        (doc) => doc.id !== 's-0',
      ),
    );
  });

  it('rebuilds by version bump beside the old version and switches when caught up', async () => {
    for (let i = 0; i < 60; i += 1) await appendTypes(events, `s-${i % 5}`, 'ItemAdded');
    runner = new ProjectionRunner(events, store, [sampleProjection(1)], options);
    await runner.start();
    await runner.waitForPosition('sample', 60n as GlobalPosition, 5000);
    await runner.stop();

    runner = new ProjectionRunner(events, store, [sampleProjection(2)], options);
    await runner.start();
    await eventually(
      async () => (await runner!.statusOf('sample')).version === 2,
      5000,
      'switch to v2',
    );
    expect(await store.get(runner.collection('sample', 'streams'), 's-1')).toMatchObject({
      events: 12,
      version: 2,
    });
    // The old build is dropped once queries read the new one.
    await eventually(
      async () => (await store.getCheckpoint('sample_v1')) === null,
      5000,
      'v1 dropped',
    );
    expect(await store.count('sample_v1_streams')).toBe(0);
  });
});
