// What the as-of specs share: a random hub history, and answers from snapshots compared with
// the full fold at random positions and instants.
import { ANY, GlobalPosition } from '@hub/event-store';
import { ReadModelStore } from '@hub/read-store';
import { Projection } from '@hub/projection/projection';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { AsOf, AsOfView, asOfView, foldAsOf } from '@hub/projection/as-of';
import { SnapshotViewStore } from '@hub/projection/snapshots/snapshot-view-store';
import { hubWorkload } from '@hub/testing/projection/hub-workload';
import { random } from '@hub/testing/projection/hub-workload-activity';
import { AS_OF_QUERIES } from './queries';
import { CallerScope } from './access/caller-scope';

export const NAMES = ['customer-activity', 'addon-balances', 'cases'] as const;
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

/** A store whose recording times advance by 0–2 s an event (ties included). */
export function randomClockStore(seed: number): MemoryEventStore {
  const events = new MemoryEventStore();
  const rnd = random(seed);
  let clock = Date.parse('2024-01-01T00:00:00.000Z');
  events.now = () => new Date((clock += Math.floor(rnd() * 3) * 1000)).toISOString();
  return events;
}

/** Appends a random hub history of `total` events to `events`. */
export async function appendRandomHistory(
  events: MemoryEventStore,
  seed: number,
  total: number,
): Promise<void> {
  for (const window of hubWorkload(total, seed, 200))
    for (const { stream, events: appended } of window)
      await events.appendToStream(stream, appended, ANY);
}

/**
 * Asks every projection of `NAMES` the same questions at 12 random positions and instants, from
 * its snapshots (`asOfView`) and from the full fold, and expects the same answers. Answers how
 * many were compared, and how many views came from a snapshot.
 */
export async function expectAsOfAnswersAsFullFold(
  events: MemoryEventStore,
  store: ReadModelStore,
  projections: readonly Projection[],
  seed: number,
): Promise<{ compared: number; fromSnapshots: number }> {
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
            instant: new Date(Date.parse(event.recordedAt) + (i % 4 === 1 ? 0 : 500)).toISOString(),
          };
    for (const name of NAMES) {
      const projection = projections.find((p) => p.name === name)!;
      const full = await foldAsOf(events, projection, asOf);
      const fromSnapshot = await asOfView(events, store, projection, asOf);
      if (fromSnapshot.store instanceof SnapshotViewStore) fromSnapshots += 1;
      for (const query of await questions(name, full, rnd)) {
        expect(await answer(name, fromSnapshot, query)).toEqual(await answer(name, full, query));
        compared += 1;
      }
    }
  }
  return { compared, fromSnapshots };
}
