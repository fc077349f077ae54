import { ReadModelStore } from '@hub/read-store';
import { GlobalPosition } from '@hub/event-store';
import { Projection } from './projection';
import { RecordedBuild } from './projection-versions';
import { ProjectionWorker, WorkerOptions } from './projection-worker';
import { LeaseOptions } from './projection-leases';
import { LifecycleLogger } from './projector-log';

/** How often a process that only queries re-reads which build each projection serves. */
export const FOLLOW_MS = 500;
/** How long the old build outlives a switch where other processes query (ProjectorModule). */
// Queries re-read the active build as they start (ProjectionRunner.refresh): the grace covers
// queries already under way, and processes stalled for seconds on a loaded machine.
export const SWITCH_GRACE_MS = 10_000;
/** How often the projector logs each catch-up's progress ("every few seconds"). */
export const PROGRESS_MS = 5000;

/**
 * How often a wait for `minPosition` reads the stored checkpoint of a projection run by another
 * process (one read per projection while anyone waits; bench:freshness, split processes).
 */
export const CHECKPOINT_POLL_MS = 10;

export interface ProjectionRunnerOptions extends Partial<WorkerOptions> {
  /** How often waitForPosition re-reads the stored checkpoint (default CHECKPOINT_POLL_MS). */
  pollIntervalMs?: number;
  /** Share the projections with other processes: each runs where its lease is held. */
  leases?: LeaseOptions;
  /** How long an old build outlives a switch, for query-only processes to follow (default 0). */
  switchGraceMs?: number;
  /** How often a running projector looks for rebuilds requested through the store (FOLLOW_MS). */
  requestPollMs?: number;
  /** How often catch-ups' progress is logged (PROGRESS_MS). */
  progressMs?: number;
  /** Where lifecycle lines go (default Nest's Logger, context `Projector`). */
  logger?: LifecycleLogger;
  /** The time progress estimates and requests are stamped with (default the system's). */
  now?: () => number;
}

/** A read-only handle on a projection's documents: the store and the physical collection names. */
export interface ProjectionView {
  store: ReadModelStore;
  collection(collection: string): string;
}

/** What the runner holds of one projection: its active build and this process's workers. */
export interface Entry {
  projection: Projection;
  active: RecordedBuild;
  /** Absent while the active build comes from another code version (frozen until the switch). */
  worker?: ProjectionWorker;
  rebuild?: ProjectionWorker;
  /** The build in progress beside the active one, as the store records it (maybe elsewhere). */
  pending?: RecordedBuild;
  storedCheckpoint: GlobalPosition | null;
}
