import { EventStore, GlobalPosition, parsePosition } from '@hub/event-store';
import { Lease, ReadModelStore } from '@hub/read-store';
import { buildPrefix } from './projection';
import {
  ProjectionState,
  ProjectionStatus,
  RebuildStatus,
  entryStatus,
  text,
} from './projection-status';
import { ProgressEstimate, ProjectorLog, percentDone } from './projector-log';
import { RebuildRequest, readProgress, storeProgress } from './rebuild-requests';
import { Entry } from './runner-entry';

/** What one status answer is assembled from (read once for every projection listed). */
export interface StatusInputs {
  name: string;
  entry: Entry;
  state: ProjectionState;
  checkpoint: GlobalPosition | null;
  head: GlobalPosition | null;
  lease: Lease | undefined;
  requests: ReadonlyMap<string, RebuildRequest>;
}

const estimateFields = (estimate: ProgressEstimate) => ({
  etaSeconds: estimate.etaSeconds,
  eventsPerSecond: estimate.eventsPerSecond,
});

/**
 * A projection's status: from this process's workers, or (run elsewhere) from the stored
 * checkpoints, the lease and the progress the running process stored; a rebuild shows how far
 * it is (percent of the log it has evolved) and the running process's estimate of the time left.
 */
export async function statusAt(
  eventStore: EventStore,
  store: ReadModelStore,
  lifecycle: ProjectorLog,
  at: StatusInputs,
): Promise<ProjectionStatus> {
  // Counted, not subtracted: EventStoreDB's positions are byte offsets, not event numbers.
  const lag = at.head === null ? 0 : await eventStore.countEventsAfter(at.checkpoint);
  const status = entryStatus(
    at.name,
    at.entry,
    at.state,
    { checkpoint: at.checkpoint, head: at.head, lag },
    at.lease,
  );
  const request = at.requests.get(at.name);
  if (request) status.rebuildRequestedAt = request.requestedAt;
  const rebuild = await rebuildStatus(eventStore, store, lifecycle, at.entry, status.rebuild);
  return rebuild ? { ...status, rebuild } : status;
}

async function rebuildStatus(
  eventStore: EventStore,
  store: ReadModelStore,
  lifecycle: ProjectorLog,
  entry: Entry,
  local: RebuildStatus | undefined,
): Promise<RebuildStatus | undefined> {
  const pending = entry.pending;
  if (!local && !pending) return undefined;
  const prefix = entry.rebuild?.prefix ?? buildPrefix(entry.projection.name, pending!);
  let status = local;
  let estimate: ProgressEstimate | null | undefined = lifecycle.latest(prefix);
  if (!status) {
    const saved = await store.getCheckpoint(prefix);
    status = {
      version: pending!.version,
      generation: pending!.generation,
      state: 'rebuilding',
      checkpoint: saved?.position ?? null,
    };
    estimate = await readProgress(store, prefix);
  }
  if (estimate) return { ...status, percent: estimate.percent, ...estimateFields(estimate) };
  // No estimate yet (the first comes a few seconds in): how far the committed checkpoint is.
  const checkpoint = status.checkpoint === null ? null : parsePosition(status.checkpoint);
  const [remaining, total] = await Promise.all([
    eventStore.countEventsAfter(checkpoint),
    eventStore.countEventsAfter(null),
  ]);
  return { ...status, percent: percentDone(remaining, total) };
}

function laterOf(a: GlobalPosition | null, b: GlobalPosition | null): GlobalPosition | null {
  if (a === null) return b;
  return b === null || a > b ? a : b;
}

/**
 * Logs the progress of every catch-up under way in this process, and stores a rebuild's
 * estimate for processes that do not run it; a catch-up found live is logged as caught up.
 */
export async function reportProgress(
  eventStore: EventStore,
  store: ReadModelStore,
  lifecycle: ProjectorLog,
  entries: Iterable<Entry>,
  now: () => number,
): Promise<void> {
  let total: number | undefined;
  for (const entry of entries) {
    for (const worker of [entry.worker, entry.rebuild]) {
      if (!worker || !lifecycle.catchingUp(worker.prefix)) continue;
      if (worker.state === 'live') {
        lifecycle.live(worker.prefix, text(worker.checkpoint));
        continue;
      }
      if (worker.state !== 'catching-up') continue;
      total ??= await eventStore.countEventsAfter(null);
      const remaining = await eventStore.countEventsAfter(
        laterOf(worker.evolved, worker.checkpoint),
      );
      const estimate = lifecycle.progress(worker.prefix, remaining, total);
      if (estimate && worker === entry.rebuild)
        await storeProgress(store, worker.prefix, estimate, new Date(now()));
    }
  }
}
