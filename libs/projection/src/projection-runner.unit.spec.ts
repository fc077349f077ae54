import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { MemoryReadModelStore } from './memory-read-model-store';
import { ProjectionRunner } from './projection-runner';
import { ProjectionDocs } from './projection';
import { eventually } from '@hub/testing/eventually';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { FAST_RUNNER, runnerHarness } from '@hub/testing/projection/runner-harness';

describe('ProjectionRunner', () => {
  const harness = runnerHarness();
  const { start, streamDoc } = harness;
  let events: MemoryEventStore;
  let store: MemoryReadModelStore;
  beforeEach(() => ({ events, store } = harness));

  it('catches up in batches, then follows new events live', async () => {
    for (let i = 0; i < 4; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded', 'ItemRenamed');
    const r = await start();
    await r.waitForPosition('sample', 8n as GlobalPosition, 2000);
    expect(await streamDoc(r, 's-3')).toMatchObject({
      events: 2,
      lastType: 'ItemRenamed',
      lastPosition: '8',
    });
    expect(r.collection('sample', 'streams')).toBe('sample_v1_streams');
    const { position } = await appendTypes(events, 's-3', 'StreamClosed');
    await r.waitForPosition('sample', position, 2000);
    expect(await streamDoc(r, 's-3')).toBeNull();
    expect(await store.get(r.collection('sample', 'types'), 'StreamClosed')).toEqual({
      id: 'StreamClosed',
      streams: ['s-3'],
    });
    const [status] = await r.status();
    expect(status).toMatchObject({
      name: 'sample',
      version: 1,
      state: 'live',
      checkpoint: '9',
      head: '9',
      lag: 0,
    });
    expect(store.indexesOf('sample_v1_streams')).toEqual([['lastType']]);
  });

  /** The checkpoints the store is asked to commit for `projection`, in order. */
  function committedCheckpoints(projection: string): string[] {
    const checkpoints: string[] = [];
    const applyBatch = store.applyBatch.bind(store);
    jest.spyOn(store, 'applyBatch').mockImplementation(async (batch) => {
      if (batch.projection === projection) checkpoints.push(batch.checkpoint);
      return applyBatch(batch);
    });
    return checkpoints;
  }

  /**
   * Catches up `streams` streams of two events each with `options`; answers the runner and the
   * checkpoints its windows committed.
   */
  async function catchUpWindows(streams: number, options: object) {
    for (let i = 0; i < streams; i += 1)
      await appendTypes(events, `s-${i}`, 'ItemAdded', 'ItemRenamed');
    const checkpoints = committedCheckpoints('sample_v1');
    const r = await start(sampleProjection(), options);
    await r.waitForPosition('sample', BigInt(2 * streams) as GlobalPosition, 2000);
    return { r, checkpoints };
  }

  it('commits a catch-up once per window of events, each batch holding its window', async () => {
    const { r, checkpoints } = await catchUpWindows(10, { catchUpWindow: 7 });
    // Pages of 3 events: a window closes at the first page that brings it to 7 events, and
    // at the head.
    expect(checkpoints).toEqual(['9', '18', '20']);
    expect(await streamDoc(r, 's-9')).toMatchObject({ events: 2, lastPosition: '20' });
  });

  it('reads the log once for the projections catching up together', async () => {
    for (let i = 0; i < 10; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded', 'ItemRenamed');
    const reads = jest.spyOn(events, 'readAll');
    const twin = { ...sampleProjection(), name: 'twin' };
    const runner = new ProjectionRunner(events, store, [sampleProjection(), twin], FAST_RUNNER);
    harness.runner = runner;
    await runner.start();
    await runner.waitForPosition('sample', 20n as GlobalPosition, 2000);
    await runner.waitForPosition('twin', 20n as GlobalPosition, 2000);
    // 20 events in pages of 3 (a read asks for one more: positions are inclusive). The six
    // full pages are read once for both; the page at the head is never kept, so each reads
    // it. Alone, each would read all seven. (Live workers probe the head with reads of 2.)
    const pageReads = reads.mock.calls.filter(([options]) => options?.maxCount === 4);
    expect(pageReads).toHaveLength(8);
    for (const name of ['sample', 'twin'])
      expect(await store.get(runner.collection(name, 'streams'), 's-9')).toMatchObject({
        events: 2,
        lastPosition: '20',
      });
  });

  it('evolves the next window while the previous one commits, reading its documents from memory', async () => {
    for (let i = 0; i < 6; i += 1) await appendTypes(events, 's', 'ItemAdded');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const applyBatch = store.applyBatch.bind(store);
    jest.spyOn(store, 'applyBatch').mockImplementationOnce(async (batch) => {
      await held;
      return applyBatch(batch);
    });
    const evolved: bigint[] = [];
    const sample = sampleProjection();
    const watched = {
      ...sample,
      evolve: (docs: ProjectionDocs, event: RecordedEvent) => {
        evolved.push(event.position);
        sample.evolve(docs, event);
      },
    };
    const r = await start(watched, { batchSize: 2, catchUpWindow: 2 });
    // The first window (events 1-2) is committing; the second (3-4) is evolved meanwhile.
    await eventually(() => evolved.length === 4, 2000, 'the second window');
    expect((await r.statusOf('sample')).checkpoint).toBeNull();
    release();
    await r.waitForPosition('sample', 6n as GlobalPosition, 2000);
    // Read from the store, the stream's document would have missed the first window's events.
    expect(await streamDoc(r, 's')).toMatchObject({ events: 6, lastPosition: '6' });
  });

  it('also closes a window once it holds catchUpCharacters of document text', async () => {
    // A stream document is about 100 characters: two pages' worth close each window.
    const { r, checkpoints } = await catchUpWindows(10, {
      catchUpWindow: 1000,
      catchUpCharacters: 250,
    });
    expect(checkpoints.length).toBeGreaterThan(2);
    expect(checkpoints.at(-1)).toBe('20');
    expect(await streamDoc(r, 's-9')).toMatchObject({ events: 2, lastPosition: '20' });
  });

  it('halves its windows toward the head, so the last commit is small', async () => {
    const { r, checkpoints } = await catchUpWindows(20, { catchUpWindow: 1000, catchUpHalving: 3 });
    // Pages of 3 events, head 40: each window closes at the first page that covers half of the
    // log between its start and the head (21 of 40, 33 of 21-40, 39 of 33-40), then at the head.
    expect(checkpoints).toEqual(['21', '33', '39', '40']);
    expect(await streamDoc(r, 's-19')).toMatchObject({ events: 2, lastPosition: '40' });
    expect(await streamDoc(r, 's-0')).toMatchObject({ events: 2, lastPosition: '2' });
  });

  it('does not halve a window holding fewer than catchUpHalving events', async () => {
    const { checkpoints } = await catchUpWindows(20, { catchUpWindow: 1000, catchUpHalving: 10 });
    // 21 of 40 holds 21 events; the window after it reaches 33 with 12; 33-40 never holds 10.
    expect(checkpoints).toEqual(['21', '33', '40']);
  });

  it('retries a window whose prefetch or commit fails in the store, losing nothing', async () => {
    for (let i = 0; i < 5; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded', 'ItemRenamed');
    const applyBatch = store.applyBatch.bind(store);
    const getMany = store.getMany.bind(store);
    const failOnce = <A extends unknown[], R>(real: (...args: A) => Promise<R>) => {
      let failed = false;
      return async (...args: A): Promise<R> => {
        if (failed) return real(...args);
        failed = true;
        throw new Error('store unavailable');
      };
    };
    jest.spyOn(store, 'getMany').mockImplementation(failOnce(getMany));
    jest.spyOn(store, 'applyBatch').mockImplementation(failOnce(applyBatch));
    const r = await start(sampleProjection(), { catchUpWindow: 4, maxAttempts: 2 });
    await r.waitForPosition('sample', 10n as GlobalPosition, 2000);
    for (let i = 0; i < 5; i += 1)
      expect(await streamDoc(r, `s-${i}`)).toMatchObject({ events: 2, lastType: 'ItemRenamed' });
    // The last commit of a catch-up notifies waiters just before the worker turns live.
    await eventually(async () => (await r.statusOf('sample')).state === 'live', 2000, 'live');
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await appendTypes(events, 's', 'ItemAdded', 'ItemAdded');
    let r = await start();
    await r.waitForPosition('sample', 2n as GlobalPosition, 2000);
    await r.stop();
    await appendTypes(events, 's', 'ItemRenamed');
    r = await start();
    await r.waitForPosition('sample', 3n as GlobalPosition, 2000);
    expect(await streamDoc(r, 's')).toMatchObject({ events: 3, lastRevision: 2 });
  });

  describe('an event whose evolve keeps failing', () => {
    it('halts the projection at the event before it, with the error visible, never skipping it', async () => {
      let attempts = 0;
      const projection = sampleProjection(1, {
        failOn: (event) => event.streamName === 'bad' && (attempts += 1) > 0,
      });
      await appendTypes(events, 'good', 'ItemAdded', 'ItemAdded');
      await appendTypes(events, 'bad', 'ItemAdded');
      await appendTypes(events, 'good', 'ItemRenamed');
      const r = await start(projection, { maxAttempts: 3 });
      await eventually(async () => (await r.statusOf('sample')).state === 'halted', 2000, 'halt');
      const status = await r.statusOf('sample');
      expect(status).toMatchObject({ checkpoint: '2', head: '4', lag: 2 });
      expect(status.error).toMatchObject({
        position: '3',
        type: 'ItemAdded',
        streamName: 'bad',
        attempts: 3,
      });
      expect(status.error?.message).toContain('cannot apply ItemAdded at 3');
      expect(attempts).toBe(3);
      expect(await streamDoc(r, 'good')).toMatchObject({ events: 2 });
      expect(await streamDoc(r, 'bad')).toBeNull();
    });

    it('goes on when a retry succeeds (a transient failure)', async () => {
      let failures = 0;
      const projection = sampleProjection(1, {
        failOn: (event) => event.streamName === 'flaky' && (failures += 1) <= 2,
      });
      await appendTypes(events, 'flaky', 'ItemAdded', 'ItemRenamed');
      const r = await start(projection, { maxAttempts: 3 });
      await r.waitForPosition('sample', 2n as GlobalPosition, 2000);
      expect(await streamDoc(r, 'flaky')).toMatchObject({ events: 2 });
      await eventually(async () => (await r.statusOf('sample')).state === 'live', 2000, 'live');
    });
  });
});
