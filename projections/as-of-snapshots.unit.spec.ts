import { ANY, GlobalPosition } from '@hub/event-store';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { AsOf, AsOfView, asOfView, foldAsOf } from '@hub/projection/as-of';
import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { buildPrefix } from '@hub/projection/projection';
import { snapshotMetas } from '@hub/projection/snapshots/snapshot-layout';
import { SnapshotViewStore } from '@hub/projection/snapshots/snapshot-view-store';
import { hubWorkload } from '@hub/testing/projection/hub-workload';
import { random } from '@hub/testing/projection/hub-workload-activity';
import { ALL_PROJECTIONS } from './index';
import { AS_OF_QUERIES } from './queries';
import { CallerScope } from './access/caller-scope';

const NAMES = ['customer-activity', 'addon-balances', 'cases'] as const;
const NOW = new Date('2024-06-15T12:00:00.000Z');
const AUDITOR: CallerScope = { all: true, userId: 'auditor', workspaces: new Map() };
/** These projections' queries look no address up. */
const noAddressLookups = (): string => {
  throw new Error('looked an address up');
};

/** An answer, or the error it failed with (a 404 for a workspace not there yet is an answer too). */
async function answer(name: string, view: AsOfView, query: Record<string, string>) {
  try {
    return {
      ok: await AS_OF_QUERIES[name](view, AUDITOR, query, NOW, noAddressLookups),
      position: view.position,
    };
  } catch (error) {
    return { error: String(error), position: view.position };
  }
}

/** The questions asked of each projection at an instant: every workspace, one, one case. */
async function questions(name: string, reference: AsOfView, rnd: () => number) {
  const all: Record<string, string>[] = [{}];
  const workspaces = await reference.store.find<{ workspaceId: string; caseId?: string }>(
    reference.collection(name === 'cases' ? 'cases' : 'workspace_mappings'),
  );
  const pick = workspaces.items[Math.floor(rnd() * workspaces.items.length)];
  if (pick) all.push({ workspaceId: pick.workspaceId });
  if (name === 'cases' && pick) all.push({ caseId: String(pick.caseId) });
  return all;
}

/** Appends a random hub history with recording times that advance by 0–2 s (ties included). */
async function randomHistory(seed: number, total: number): Promise<MemoryEventStore> {
  const events = new MemoryEventStore();
  const rnd = random(seed);
  let clock = Date.parse('2024-01-01T00:00:00.000Z');
  events.now = () => new Date((clock += Math.floor(rnd() * 3) * 1000)).toISOString();
  for (const window of hubWorkload(total, seed, 200))
    for (const { stream, events: appended } of window)
      await events.appendToStream(stream, appended, ANY);
  return events;
}

describe('as-of from snapshots', () => {
  it.each([1, 2, 3])(
    'answers exactly as the full fold over a random history and random instants (seed %i)',
    async (seed) => {
      const events = await randomHistory(seed, 1500);
      const store = new MemoryReadModelStore();
      const projections = ALL_PROJECTIONS.filter((p) =>
        (NAMES as readonly string[]).includes(p.name),
      );
      // Small intervals and a short recent band, so answers start from many snapshots, and
      // retention has dropped some of them by the end.
      const runner = new ProjectionRunner(events, store, projections, {
        batchSize: 97,
        snapshotEvery: 40 + seed * 13,
        snapshotKeepRecent: 3,
      });
      await runner.start();
      try {
        const head = (await events.headPosition())!;
        for (const name of NAMES) await runner.waitForPosition(name, head, 20_000);
        const rnd = random(seed * 7);
        const all = await events.readAll();
        let compared = 0;
        let fromSnapshots = 0;
        for (let i = 0; i < 12; i += 1) {
          const event = all[Math.floor(rnd() * all.length)];
          const asOf: AsOf =
            i % 2 === 0
              ? { position: event.position as GlobalPosition }
              : {
                  instant: new Date(
                    Date.parse(event.recordedAt) + (i % 4 === 1 ? 0 : 500),
                  ).toISOString(),
                };
          for (const name of NAMES) {
            const projection = projections.find((p) => p.name === name)!;
            const full = await foldAsOf(events, projection, asOf);
            const fromSnapshot = await asOfView(events, store, projection, asOf);
            if (fromSnapshot.store instanceof SnapshotViewStore) fromSnapshots += 1;
            for (const query of await questions(name, full, rnd)) {
              expect(await answer(name, fromSnapshot, query)).toEqual(
                await answer(name, full, query),
              );
              compared += 1;
            }
          }
        }
        expect(compared).toBeGreaterThan(60);
        // Early instants come before a projection's first snapshot (a full fold, and cheap).
        expect(fromSnapshots).toBeGreaterThan(10);
        // The answers came from snapshots, and retention kept fewer than were written.
        const activity = projections.find((p) => p.name === 'customer-activity')!;
        const prefix = buildPrefix(activity.name, { version: activity.version, generation: 0 });
        const metas = await store.find<{ seq: number }>(snapshotMetas(prefix));
        expect(metas.items.length).toBeGreaterThan(3);
        expect(metas.items.length).toBeLessThan(Math.max(...metas.items.map((m) => m.seq)));
      } finally {
        await runner.stop();
      }
    },
    60_000,
  );
});
