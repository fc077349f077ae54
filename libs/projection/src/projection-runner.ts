import { NotFoundError } from '@hub/domain';
import { EventStore, GlobalPosition, parsePosition } from '@hub/event-store';
import { ReadModelStore } from '@hub/read-store';
import { Projection, buildPrefix, physicalCollection } from './projection';
import { ProjectionState, ProjectionStatus, workerState } from './projection-status';
import { servedBuild } from './projection-versions';
import {
  CHECKPOINT_POLL_MS,
  Entry,
  FOLLOW_MS,
  PROGRESS_MS,
  ProjectionRunnerOptions,
  ProjectionView,
} from './runner-entry';
import { WorkerOptions } from './projection-worker';
import { ProjectionBuilds } from './projection-builds';
import { workerOptions } from './worker-options';
import { ProjectorLog } from './projector-log';
import { clearRebuildRequest, rebuildRequests, recordRebuildRequest } from './rebuild-requests';
import { reportProgress, statusAt } from './runner-status';
import { CheckpointWaiters } from './checkpoint-waiters';
import { showsPosition } from './shows-position';
import { CatchUpLog } from './catch-up-log';
import { LeaseOptions, ProjectionLeases, heldLeases, projectionLease } from './projection-leases';

export { FOLLOW_MS, PROGRESS_MS, SWITCH_GRACE_MS } from './runner-entry';
export type { ProjectionRunnerOptions, ProjectionView } from './runner-entry';

/**
 * Runs every projection from the event store into the read store, and answers which build
 * queries read, how far each projection is, and when a position has been applied.
 * The active build of each projection is recorded in the read store (`projection_versions`);
 * a code version that differs from it is built beside it and switched to once caught up.
 * Rebuilds are requested through the store and performed where the projection runs.
 */
export class ProjectionRunner {
  private readonly entries = new Map<string, Entry>();
  private readonly options: WorkerOptions;
  private readonly waiters: CheckpointWaiters;
  private readonly log: CatchUpLog;
  private readonly leaseOptions?: LeaseOptions;
  private readonly lifecycle: ProjectorLog;
  private readonly now: () => number;
  private readonly builds: ProjectionBuilds;
  private leases?: ProjectionLeases;
  private running = false;
  /** Lease changes and rebuilds, one at a time (a rebuild must not race a lease's start). */
  private serial: Promise<void> = Promise.resolve();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadModelStore,
    private readonly projections: readonly Projection[],
    private readonly runnerOptions: ProjectionRunnerOptions = {},
  ) {
    this.options = workerOptions(runnerOptions, readStore.costlyUpdates === true);
    this.log = new CatchUpLog(
      eventStore,
      projections.flatMap((projection) => projection.handles),
      this.options.batchSize,
    );
    this.leaseOptions = runnerOptions.leases;
    this.now = runnerOptions.now ?? Date.now;
    this.lifecycle = new ProjectorLog(runnerOptions.logger, this.now);
    this.builds = new ProjectionBuilds({
      eventStore,
      readStore,
      log: this.log,
      options: this.options,
      lifecycle: this.lifecycle,
      now: this.now,
      switchGraceMs: runnerOptions.switchGraceMs ?? 0,
      fence: (name) => this.leases?.fence(name),
      advanced: (entry, worker) => this.waiters.notify(entry.projection.name, worker.checkpoint),
    });
    this.waiters = new CheckpointWaiters(
      runnerOptions.pollIntervalMs ?? CHECKPOINT_POLL_MS,
      (name) => this.readActiveCheckpoint(name),
    );
  }

  /**
   * Reads which build each projection (or only `name`) serves, without running anything (a
   * query-only process follows switches so).
   */
  async load(name?: string): Promise<void> {
    for (const projection of this.projections) {
      if (name !== undefined && projection.name !== name) continue;
      const { active, pending, checkpoint } = await servedBuild(this.readStore, projection);
      const entry = this.entries.get(projection.name);
      if (!entry)
        this.entries.set(projection.name, {
          projection,
          active,
          pending,
          storedCheckpoint: checkpoint,
        });
      else {
        entry.active = active;
        entry.pending = pending;
        if (!entry.worker) entry.storedCheckpoint = checkpoint;
      }
    }
  }

  /**
   * Starts every projection (with leases: each whose lease this process holds, now or later):
   * the active build when it is the code's, and any rebuild due; then performs the rebuilds
   * requested through the store and reports catch-ups' progress every few seconds.
   */
  async start(): Promise<void> {
    await this.load();
    this.running = true;
    if (!this.leaseOptions) {
      for (const entry of this.entries.values()) await this.builds.run(entry);
    } else {
      this.leases = new ProjectionLeases(this.leaseOptions, [...this.entries.keys()], {
        run: (name) =>
          this.serially(async () => {
            await this.load(name); // the previous holder may have switched builds
            await this.builds.run(this.entry(name));
          }),
        stop: (name) => this.serially(() => this.builds.halt(this.entry(name))),
      });
      await this.leases.begin();
    }
    this.every(this.runnerOptions.requestPollMs ?? FOLLOW_MS, () => this.takeRebuildRequests());
    this.every(this.runnerOptions.progressMs ?? PROGRESS_MS, () => this.reportProgress());
  }

  private every(ms: number, action: () => Promise<void>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      void action()
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private serially(action: () => Promise<void>): Promise<void> {
    const next = this.serial.then(action);
    this.serial = next.catch(() => undefined);
    return next;
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    this.waiters.close();
    await this.serial;
    for (const entry of this.entries.values()) await this.builds.halt(entry);
    await this.leases?.end();
  }

  /**
   * Records a rebuild request in the read store, which the process running the projection
   * performs (at once when that is this one); never starts a projection where it is not run.
   */
  async requestRebuild(name: string): Promise<ProjectionStatus> {
    this.entry(name);
    await recordRebuildRequest(this.readStore, name, new Date(this.now()));
    if (this.runsHere(name)) await this.takeRebuildRequests();
    return this.statusOf(name);
  }

  /** Performs the rebuilds requested through the store of the projections run here. */
  takeRebuildRequests(): Promise<void> {
    return this.serially(async () => {
      for (const request of (await rebuildRequests(this.readStore)).values()) {
        if (!this.entries.has(request.id) || !this.runsHere(request.id)) continue;
        await this.builds.rebuild(this.entry(request.id));
        await clearRebuildRequest(this.readStore, request);
      }
    });
  }

  private runsHere(name: string): boolean {
    return this.running && (!this.leases || this.leases.fence(name) !== undefined);
  }

  /** Logs (and stores, for a rebuild) the progress of every catch-up under way here. */
  reportProgress(): Promise<void> {
    return reportProgress(
      this.eventStore,
      this.readStore,
      this.lifecycle,
      this.entries.values(),
      this.now,
    );
  }

  /** Resolves once the active build has applied `position`; ProjectionLaggingError after `timeoutMs`. */
  async waitForPosition(name: string, position: GlobalPosition, timeoutMs: number): Promise<void> {
    const entry = this.entry(name);
    const handles = entry.projection.handles;
    if (await showsPosition(this.eventStore, handles, this.activeCheckpoint(entry), position))
      return;
    entry.worker?.requestProbe();
    await this.waiters.waitForLogged(
      name,
      position,
      timeoutMs,
      () => this.activeCheckpoint(entry),
      () => this.stateOf(entry),
      () => this.eventStore.headPosition(),
    );
  }

  /**
   * Where this process does not run `name`, re-reads which build it serves: a query then never
   * reads a build the projector switched away from, however late the follow loop runs here.
   */
  async refresh(name: string): Promise<void> {
    if (!this.entry(name).worker) await this.load(name);
  }

  /** The physical name of a logical collection of the build queries read now. */
  collection(name: string, collection: string): string {
    return physicalCollection(buildPrefix(name, this.entry(name).active), collection);
  }

  /** The event types a projection applies (what can move it). */
  handlesOf(name: string): readonly string[] {
    return this.entry(name).projection.handles;
  }

  view(name: string): ProjectionView {
    this.entry(name);
    return { store: this.readStore, collection: (collection) => this.collection(name, collection) };
  }

  async status(): Promise<ProjectionStatus[]> {
    return this.statusesOf([...this.entries.keys()]);
  }

  async statusOf(name: string): Promise<ProjectionStatus> {
    this.entry(name);
    return (await this.statusesOf([name]))[0];
  }

  /** From this process's workers, or (run elsewhere) the stored checkpoints, leases and progress. */
  private async statusesOf(names: readonly string[]): Promise<ProjectionStatus[]> {
    const at = {
      head: await this.eventStore.headPosition(),
      leases: await heldLeases(this.readStore),
      requests: await rebuildRequests(this.readStore),
    };
    return Promise.all(
      names.map(async (name) => {
        const entry = this.entry(name);
        const checkpoint = entry.worker
          ? entry.worker.checkpoint
          : await this.readActiveCheckpoint(name);
        return statusAt(this.eventStore, this.readStore, this.lifecycle, {
          name,
          entry,
          state: this.stateOf(entry),
          checkpoint,
          ...at,
          lease: at.leases.get(projectionLease(name)),
        });
      }),
    );
  }

  private stateOf(entry: Entry): ProjectionState {
    return entry.worker ? workerState(entry.worker) : entry.rebuild ? 'rebuilding' : 'stopped';
  }

  private activeCheckpoint(entry: Entry): GlobalPosition | null {
    return entry.worker ? entry.worker.checkpoint : entry.storedCheckpoint;
  }

  private async readActiveCheckpoint(name: string): Promise<GlobalPosition | null> {
    const entry = this.entry(name);
    if (entry.worker) return entry.worker.checkpoint;
    const saved = await this.readStore.getCheckpoint(buildPrefix(name, entry.active));
    entry.storedCheckpoint = saved?.position ? parsePosition(saved.position) : null;
    return entry.storedCheckpoint;
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry)
      throw new NotFoundError(
        `no projection named ${name}`,
        { projection: name },
        'projection_not_found',
      );
    return entry;
  }
}
