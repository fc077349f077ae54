import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { LeaseLostError, SqliteReadModelStore } from '@hub/read-store';
import { eventually } from '@hub/testing/eventually';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { projectionLease } from './projection-leases';
import { ProjectionRunner } from './projection-runner';

// Two projector processes on one read-store file (each its own connections and writer thread):
// each projection runs in one of them, the other stands by and takes over.
describe('ProjectionRunner with leases', () => {
  const fast = { batchSize: 3, retryDelayMs: 1, idleProbeMs: 20, pollIntervalMs: 10 };
  let dir: string;
  let events: MemoryEventStore;
  const opened: { runner: ProjectionRunner; store: SqliteReadModelStore }[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-leases-'));
    events = new MemoryEventStore();
  });
  afterEach(async () => {
    for (const { runner, store } of opened.splice(0)) {
      await runner.stop();
      await store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const projector = async (holder: string, leaseMs = 300) => {
    const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
    const runner = new ProjectionRunner(events, store, [sampleProjection()], {
      ...fast,
      leases: { store, holder, leaseMs, renewEveryMs: 50 },
    });
    opened.push({ runner, store });
    await runner.start();
    return { runner, store };
  };
  const holderOf = async (store: SqliteReadModelStore) =>
    (await store.listLeases()).find((lease) => lease.name === projectionLease('sample'));

  it('runs a projection in one process only; a standby takes over once the holder stops', async () => {
    for (let i = 0; i < 3; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded');
    const a = await projector('a');
    const b = await projector('b');
    expect((await holderOf(a.store))?.holder).toBe('a');
    // 'b' runs nothing but reports what 'a' does, from the stored checkpoint and the lease.
    expect((await b.runner.status())[0]).toMatchObject({ state: 'live', runBy: { holder: 'a' } });
    const { position } = await appendTypes(events, 's-9', 'ItemAdded');
    await a.runner.waitForPosition('sample', position, 2000);

    await a.runner.stop(); // gives its lease up
    const { position: later } = await appendTypes(events, 's-10', 'ItemAdded');
    await eventually(async () => (await holderOf(b.store))?.holder === 'b', 2000, 'b holds it');
    await b.runner.waitForPosition('sample', later, 2000);
    expect((await holderOf(b.store))?.token).toBe(2);
    expect(await b.store.get(b.runner.collection('sample', 'streams'), 's-10')).toMatchObject({
      events: 1,
    });
  });

  it('stops a holder whose lease another process took, and refuses its commits meanwhile', async () => {
    const a = await projector('a', 60_000);
    await a.runner.waitForPosition(
      'sample',
      (await appendTypes(events, 's-1', 'ItemAdded')).position,
      2000,
    );
    // Another process whose clock is a minute ahead sees the lease lapsed, as it would if 'a'
    // had frozen for a minute: it takes the lease, with a higher token.
    const other = new SqliteReadModelStore({
      file: join(dir, 'read-models.sqlite'),
      now: () => Date.now() + 120_000,
    });
    try {
      // Retried: 'a' renewing between its read and its compare-and-set makes it miss once.
      let token: number | undefined;
      await eventually(async () => {
        token = (await other.acquireLease(projectionLease('sample'), 'other', 60_000))?.token;
        return token !== undefined;
      });
      expect(token).toBe(2);
      const { position } = await appendTypes(events, 's-2', 'ItemAdded');
      // 'a' cannot commit s-2 any more: its batches carry token 1.
      await expect(a.runner.waitForPosition('sample', position, 1000)).rejects.toThrow();
      expect((await a.runner.status())[0].runBy?.holder).toBe('other');
      await expect(
        a.store.applyBatch({
          projection: 'sample_v1',
          changes: [],
          checkpoint: '99',
          fence: { lease: projectionLease('sample'), token: 1 },
        }),
      ).rejects.toBeInstanceOf(LeaseLostError);
    } finally {
      await other.close();
    }
  });
});
