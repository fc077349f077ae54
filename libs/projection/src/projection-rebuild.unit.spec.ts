import { GlobalPosition } from '@hub/event-store';
import { MemoryReadModelStore } from './memory-read-model-store';
import { ProjectionRunner } from './projection-runner';
import { eventually } from '@hub/testing/eventually';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { Projection } from './projection';

const fast = { batchSize: 4, retryDelayMs: 1, idleProbeMs: 20, pollIntervalMs: 10 };

/** Lets the test hold a projection's evolve at one stream, to look at the store mid-rebuild. */
function gated(projection: Projection, stream: string) {
  let open = false;
  const gate: Projection = {
    ...projection,
    evolve(docs, event) {
      if (event.streamName === stream && !open) throw new Error('gate closed');
      projection.evolve(docs, event);
    },
  };
  return { projection: gate, open: () => (open = true) };
}

describe('rebuilding a projection', () => {
  let events: MemoryEventStore;
  let store: MemoryReadModelStore;
  const runners: ProjectionRunner[] = [];
  beforeEach(() => {
    events = new MemoryEventStore();
    store = new MemoryReadModelStore();
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
  });
  const start = async (projection: Projection, options = {}) => {
    const runner = new ProjectionRunner(events, store, [projection], { ...fast, ...options });
    runners.push(runner);
    await runner.start();
    return runner;
  };

  it('by a version bump builds beside the old version, serving it until the switch', async () => {
    for (let i = 0; i < 5; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded');
    const v1 = await start(sampleProjection(1));
    await v1.waitForPosition('sample', 5n as GlobalPosition, 2000);
    await v1.stop();

    // v2 cannot get past stream s-3 until the gate opens (its evolve fails and is retried).
    const { projection, open } = gated(sampleProjection(2), 's-3');
    const v2 = await start(projection, { maxAttempts: 1000, retryDelayMs: 5 });
    await eventually(
      async () => (await v2.statusOf('sample')).rebuild?.checkpoint === '3',
      2000,
      'rebuild at 3',
    );
    const status = await v2.statusOf('sample');
    expect(status).toMatchObject({
      version: 1,
      state: 'rebuilding',
      checkpoint: '5',
      rebuild: { version: 2, generation: 0 },
    });
    expect(v2.collection('sample', 'streams')).toBe('sample_v1_streams');
    expect(await store.get(v2.collection('sample', 'streams'), 's-4')).toMatchObject({
      version: 1,
    });
    expect(await store.count('sample_v2_streams')).toBe(3);

    open();
    await eventually(async () => (await v2.statusOf('sample')).version === 2, 2000, 'switch');
    expect(v2.collection('sample', 'streams')).toBe('sample_v2_streams');
    expect(await store.get(v2.collection('sample', 'streams'), 's-4')).toMatchObject({
      version: 2,
      events: 1,
    });
    expect(store.collectionNames().filter((name) => name.startsWith('sample_v1'))).toEqual([]);
    expect(await store.getCheckpoint('sample_v1')).toBeNull();
    expect(await store.get('projection_versions', 'sample')).toMatchObject({
      active: { version: 2, generation: 0 },
    });
    expect((await v2.statusOf('sample')).rebuild).toBeUndefined();

    const { position } = await appendTypes(events, 's-9', 'ItemAdded');
    await v2.waitForPosition('sample', position, 2000);
    expect(await store.get(v2.collection('sample', 'streams'), 's-9')).toMatchObject({
      version: 2,
    });
  });

  it('of the same version builds a fresh generation with no downtime, then drops the old one', async () => {
    for (let i = 0; i < 6; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded');
    const runner = await start(sampleProjection(1));
    await runner.waitForPosition('sample', 6n as GlobalPosition, 2000);
    const before = await store.find(runner.collection('sample', 'streams'));

    const started = await runner.requestRebuild('sample');
    expect(started.rebuild).toMatchObject({ version: 1, generation: 1 });
    expect(runner.collection('sample', 'streams')).toBe('sample_v1_streams');
    await eventually(
      () => runner.collection('sample', 'streams') === 'sample_v1_r1_streams',
      2000,
      'switch',
    );
    expect(await store.find(runner.collection('sample', 'streams'))).toEqual(before);
    expect(await store.count('sample_v1_streams')).toBe(0);
    const { position } = await appendTypes(events, 's-0', 'ItemRenamed');
    await runner.waitForPosition('sample', position, 2000);
    expect(await store.get(runner.collection('sample', 'streams'), 's-0')).toMatchObject({
      events: 2,
    });
  });

  it('resumes an interrupted version-bump rebuild from its own checkpoint', async () => {
    for (let i = 0; i < 6; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded');
    await (await start(sampleProjection(1))).waitForPosition('sample', 6n as GlobalPosition, 2000);
    await runners.pop()!.stop();
    const { projection } = gated(sampleProjection(2), 's-4');
    const interrupted = await start(projection, { maxAttempts: 1000, retryDelayMs: 5 });
    await eventually(
      async () => (await interrupted.statusOf('sample')).rebuild?.checkpoint === '4',
      2000,
      'rebuild at 4',
    );
    await runners.pop()!.stop();

    let replayed = 0;
    const v2 = sampleProjection(2);
    const counting: Projection = {
      ...v2,
      evolve: (docs, event) => (replayed += 1) && v2.evolve(docs, event),
    };
    const resumed = await start(counting);
    await eventually(async () => (await resumed.statusOf('sample')).version === 2, 2000, 'switch');
    expect(replayed).toBe(2);
    expect(await store.count(resumed.collection('sample', 'streams'))).toBe(6);
  });
});
