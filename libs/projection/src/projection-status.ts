import { GlobalPosition } from '@hub/event-store';
import { Lease } from '@hub/read-store';
import { ProjectionBuild } from './projection';
import { ProjectionFailure, ProjectionWorker } from './projection-worker';

export type ProjectionState = 'catching-up' | 'live' | 'halted' | 'rebuilding' | 'stopped';

/** A build being made beside the active one (version bump or same-version rebuild). */
export interface RebuildStatus {
  version: number;
  generation: number;
  state: ProjectionState;
  checkpoint: string | null;
  error?: ProjectionFailure;
  /** Share of the log the rebuild has applied (0-100). */
  percent?: number;
  /** The running process's estimate of the seconds left, and its rate (null: not known yet). */
  etaSeconds?: number | null;
  eventsPerSecond?: number | null;
}

/** What GET /v1/projections lists for each projection (positions as decimal strings). */
export interface ProjectionStatus {
  name: string;
  /** Version of the build queries read (the active build). */
  version: number;
  generation: number;
  state: ProjectionState;
  checkpoint: string | null;
  head: string | null;
  /** Events between the checkpoint and the head (counted by the event store). */
  lag: number;
  error?: ProjectionFailure;
  rebuild?: RebuildStatus;
  /** A rebuild requested through the store, not yet taken up by the process running it. */
  rebuildRequestedAt?: string;
  /** The process holding the projection's lease (who runs it), when leases are kept. */
  runBy?: { holder: string; token: number; expiresAt: string };
}

export function text(position: GlobalPosition | null): string | null {
  return position === null ? null : position.toString();
}

export function workerState(worker: ProjectionWorker): ProjectionState {
  return worker.state === 'starting' ? 'catching-up' : worker.state;
}

/** The status of a projection from its active build and the workers running it. */
export function describeProjection(
  name: string,
  active: ProjectionBuild,
  state: ProjectionState,
  checkpoint: GlobalPosition | null,
  head: GlobalPosition | null,
  lag: number,
  worker?: ProjectionWorker,
  rebuild?: ProjectionWorker,
): ProjectionStatus {
  return {
    name,
    version: active.version,
    generation: active.generation,
    state,
    checkpoint: text(checkpoint),
    head: text(head),
    lag,
    ...(worker?.failure ? { error: worker.failure } : {}),
    ...(rebuild
      ? {
          rebuild: {
            version: rebuild.build.version,
            generation: rebuild.build.generation,
            state: workerState(rebuild),
            checkpoint: text(rebuild.checkpoint),
            ...(rebuild.failure ? { error: rebuild.failure } : {}),
          },
        }
      : {}),
  };
}

/**
 * The status with who runs the projection; a projection run by another process (its lease
 * unexpired) is live or catching up by its stored checkpoint, not "stopped".
 */
export function withLease(
  status: ProjectionStatus,
  lease: Lease | undefined,
  runsHere: boolean,
): ProjectionStatus {
  if (!lease) return status;
  const elsewhere = !runsHere && lease.expiresAt > Date.now();
  return {
    ...status,
    ...(elsewhere ? { state: status.lag === 0 ? 'live' : 'catching-up' } : {}),
    runBy: {
      holder: lease.holder,
      token: lease.token,
      expiresAt: new Date(lease.expiresAt).toISOString(),
    },
  };
}

/** A projection's status as the runner holds it, with who runs it (the lease) when known. */
export function entryStatus(
  name: string,
  entry: { active: ProjectionBuild; worker?: ProjectionWorker; rebuild?: ProjectionWorker },
  state: ProjectionState,
  at: { checkpoint: GlobalPosition | null; head: GlobalPosition | null; lag: number },
  lease: Lease | undefined,
): ProjectionStatus {
  const { worker, rebuild } = entry;
  const status = describeProjection(
    name,
    entry.active,
    state,
    at.checkpoint,
    at.head,
    at.lag,
    worker,
    rebuild,
  );
  return withLease(status, lease, !!(worker || rebuild));
}
