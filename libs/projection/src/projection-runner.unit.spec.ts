import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { MemoryReadModelStore } from './memory-read-model-store';
import { ProjectionRunner } from './projection-runner';
import { ProjectionDocs } from './projection';
import { ProjectionLaggingError } from './projector.errors';
import { SHOWS_POSITION_LOOK_LIMIT } from './shows-position';
import { eventually } from '@hub/testing/eventually';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';

const fast = { batchSize: 3, retryDelayMs: 1, idleProbeMs: 20, pollIntervalMs: 10 };

describe('ProjectionRunner', () => {
  let events: MemoryEventStore;
  let store: MemoryReadModelStore;
  let runner: ProjectionRunner | undefined;
  beforeEach(() => {
    events = new MemoryEventStore();
    store = new MemoryReadModelStore();
  });
  afterEach(() => runner?.stop());

  const start = async (projection = sampleProjection(), options = {}) => {
    runner = new ProjectionRunner(events, store, [projection], { ...fast, ...options });
    await runner.start();
    return runner;
  };
  const streamDoc = (r: ProjectionRunner, id: string) =>
    store.get(r.collection('sample', 'streams'), id);

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
    runner = new ProjectionRunner(events, store, [sampleProjection(), twin], fast);
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

  describe('waitForPosition', () => {
    it('resolves at once when reached, and when a later append is applied', async () => {
      const r = await start();
      const first = await appendTypes(events, 's', 'ItemAdded');
      await r.waitForPosition('sample', first.position, 2000);
      const waiting = r.waitForPosition('sample', 2n as GlobalPosition, 2000);
      await appendTypes(events, 's', 'ItemRenamed');
      await expect(waiting).resolves.toBeUndefined();
    });

    it('counts positions of events the projection does not handle as reached', async () => {
      await appendTypes(events, 'other', 'SomethingElse');
      const r = await start();
      await r.waitForPosition('sample', 1n as GlobalPosition, 2000);
      await appendTypes(events, 's', 'ItemAdded');
      const { position } = await appendTypes(events, 'other', 'SomethingElse', 'SomethingElse');
      await r.waitForPosition('sample', position, 2000);
      expect((await r.statusOf('sample')).checkpoint).toBe('4');
      expect(await streamDoc(r, 's')).toMatchObject({ events: 1 });
    });

    it('rejects with ProjectionLaggingError after the timeout', async () => {
      const r = await start();
      const error = await r
        .waitForPosition('sample', 5n as GlobalPosition, 50)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProjectionLaggingError);
      expect(error).toMatchObject({ status: 503, code: 'projection_lagging' });
    });

    it('answers a position beyond the log head at once, not after the whole timeout (issue 18 item 11)', async () => {
      await appendTypes(events, 's', 'ItemAdded');
      const r = await start();
      // A timeout far beyond the test's own: only answering without waiting it out passes.
      const error = await r
        .waitForPosition('sample', 99_999_999_999n as GlobalPosition, 600_000)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 503, code: 'projection_lagging' });
    });

    it('still waits for a position that reaches the log within the grace', async () => {
      const r = await start();
      const waiting = r.waitForPosition('sample', 1n as GlobalPosition, 2000);
      await appendTypes(events, 's', 'ItemAdded');
      await expect(waiting).resolves.toBeUndefined();
    });

    /** A query-only runner, after a projector applied one event and stopped (nothing moves it). */
    const readerAfterProjectorStopped = async (): Promise<ProjectionRunner> => {
      const projector = await start();
      await appendTypes(events, 's', 'ItemAdded');
      await projector.waitForPosition('sample', 1n as GlobalPosition, 2000);
      await projector.stop();
      const reader = new ProjectionRunner(events, store, [sampleProjection()], fast);
      await reader.load();
      return reader;
    };

    it('answers at once when no event the projection handles lies up to the position, with no projector running', async () => {
      runner = await readerAfterProjectorStopped();
      const { position } = await appendTypes(events, 'other', 'SomethingElse', 'SomethingElse');
      // Nothing moves the checkpoint now: only the look past it can answer within 50 ms.
      await expect(runner.waitForPosition('sample', position, 50)).resolves.toBeUndefined();
      await appendTypes(events, 's', 'ItemRenamed');
      const { position: later } = await appendTypes(events, 'other', 'SomethingElse');
      const lagging = await runner.waitForPosition('sample', later, 50).catch((e: unknown) => e);
      expect(lagging).toBeInstanceOf(ProjectionLaggingError);
      await expect(runner.waitForPosition('sample', position, 50)).resolves.toBeUndefined();
    });

    it('waits as usual for a build further behind than the look reaches', async () => {
      runner = await readerAfterProjectorStopped();
      const others = Array<string>(SHOWS_POSITION_LOOK_LIMIT + 1).fill('SomethingElse');
      const { position } = await appendTypes(events, 'other', ...others);
      const lagging = await runner.waitForPosition('sample', position, 50).catch((e: unknown) => e);
      expect(lagging).toBeInstanceOf(ProjectionLaggingError);
    });

    it('sees a projector in another process through the stored checkpoint', async () => {
      const projector = await start();
      const reader = new ProjectionRunner(events, store, [sampleProjection()], fast);
      await reader.load();
      const { position } = await appendTypes(events, 's', 'ItemAdded');
      await reader.waitForPosition('sample', position, 2000);
      expect(await store.get(reader.collection('sample', 'streams'), 's')).toMatchObject({
        events: 1,
      });
      expect(projector.collection('sample', 'streams')).toBe(
        reader.collection('sample', 'streams'),
      );
      await reader.stop();
    });
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
