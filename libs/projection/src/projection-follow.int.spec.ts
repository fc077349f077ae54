import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { SqliteReadModelStore } from '@hub/read-store';
import { eventually } from '@hub/testing/eventually';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { ProjectionRunner } from './projection-runner';

// A process that only queries (api role) beside the projector, on one read-store file.
describe('a query-only runner following the projector', () => {
  const fast = { batchSize: 3, retryDelayMs: 1, idleProbeMs: 20, pollIntervalMs: 10 };
  let dir: string;
  const closing: (() => Promise<void>)[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-follow-'));
  });
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a rebuild requested by another process, which reads the new build once the projector switched, and the old one answers until then', async () => {
    const events = new MemoryEventStore();
    const open = () => {
      const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
      closing.push(() => store.close());
      return store;
    };
    const projectorStore = open();
    const projector = new ProjectionRunner(events, projectorStore, [sampleProjection()], {
      ...fast,
      switchGraceMs: 2000,
    });
    closing.push(() => projector.stop());
    const readerStore = open();
    const reader = new ProjectionRunner(events, readerStore, [sampleProjection()], fast);
    await projector.start();
    await reader.load();
    const { position } = await appendTypes(events, 's-1', 'ItemAdded');
    await projector.waitForPosition('sample', position, 2000);
    const before = reader.collection('sample', 'streams');

    // Requested through the query-only process: recorded in the store, performed by the
    // projector (the reader never runs a build of its own).
    const requested = await reader.requestRebuild('sample');
    expect(requested.rebuildRequestedAt).toEqual(expect.any(String));
    expect(requested.state).toBe('stopped');
    await eventually(
      async () => projector.collection('sample', 'streams') !== before,
      3000,
      'the switch',
    );
    // Not followed yet: the old build still answers.
    expect(await readerStore.get(before, 's-1')).toMatchObject({ events: 1 });
    await reader.load(); // what the api process does every FOLLOW_MS
    expect(reader.collection('sample', 'streams')).toBe(projector.collection('sample', 'streams'));
    expect(await readerStore.get(reader.collection('sample', 'streams'), 's-1')).toMatchObject({
      events: 1,
    });
    const { position: later } = await appendTypes(events, 's-2', 'ItemAdded');
    await reader.waitForPosition('sample', later, 2000);
  });
  // A query-only process whose follow loop lagged past the grace read the dropped old build as
  // an empty collection (an empty answer, not a 500): each query now re-reads the active build.
  it('reads the new build at once when a query starts, even once the old one is dropped', async () => {
    const events = new MemoryEventStore();
    const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
    closing.push(() => store.close());
    const projector = new ProjectionRunner(events, store, [sampleProjection()], fast);
    closing.push(() => projector.stop());
    const reader = new ProjectionRunner(events, store, [sampleProjection()], fast);
    await projector.start();
    await reader.load();
    await projector.waitForPosition(
      'sample',
      (await appendTypes(events, 's-1', 'ItemAdded')).position,
      2000,
    );
    await reader.requestRebuild('sample');
    await eventually(
      async () => (await store.getCheckpoint('sample_v1')) === null,
      3000,
      'the old build dropped (no grace)',
    );
    await reader.refresh('sample');
    expect(reader.collection('sample', 'streams')).toBe('sample_v1_r1_streams');
    expect(await store.get(reader.collection('sample', 'streams'), 's-1')).toMatchObject({
      events: 1,
    });
  });
});
