import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { buildPrefix } from '@hub/projection/projection';
import { snapshotMetas } from '@hub/projection/snapshots/snapshot-layout';
import { ALL_PROJECTIONS } from './index';
import {
  NAMES,
  appendRandomHistory,
  expectAsOfAnswersAsFullFold,
  randomClockStore,
} from './as-of-snapshots.fixtures';

describe('as-of from snapshots', () => {
  it.each([1, 2, 3])(
    'answers exactly as the full fold over a random history and random instants (seed %i)',
    async (seed) => {
      const events = randomClockStore(seed);
      await appendRandomHistory(events, seed, 1500);
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
        const { compared, fromSnapshots } = await expectAsOfAnswersAsFullFold(
          events,
          store,
          projections,
          seed,
        );
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
