import { GlobalPosition } from '@hub/event-store';
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
  /** Positions between the checkpoint and the head (events, on the gapless SQLite store). */
  lag: number;
  error?: ProjectionFailure;
  rebuild?: RebuildStatus;
}

export function lagOf(checkpoint: GlobalPosition | null, head: GlobalPosition | null): number {
  if (head === null) return 0;
  return Number(head - (checkpoint ?? 0n));
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
    lag: lagOf(checkpoint, head),
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
