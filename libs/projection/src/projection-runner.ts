import { NotFoundError } from '@hub/domain';
import { EventStore, GlobalPosition, parsePosition } from '@hub/event-store';
import { ReadModelStore } from '@hub/read-store';
import { Projection, ProjectionBuild, buildPrefix, physicalCollection } from './projection';
import { ProjectionState, ProjectionStatus, text, workerState } from './projection-status';
import {
  RecordedBuild,
  dropBuild,
  readVersions,
  recordedBuild,
  servedBuild,
  writeVersions,
} from './projection-versions';
import {
  Entry,
  FOLLOW_MS,
  PROGRESS_MS,
  ProjectionRunnerOptions,
  ProjectionView,
} from './runner-entry';
import { ProjectionWorker, WorkerOptions } from './projection-worker';
import { workerOptions } from './worker-options';
import { ProjectorLog } from './projector-log';
import { clearRebuildRequest, rebuildRequests, recordRebuildRequest } from './rebuild-requests';
import { reportProgress, statusAt } from './runner-status';
import { CheckpointWaiters } from './checkpoint-waiters';
import { CatchUpLog } from './catch-up-log';
import {
  LeaseOptions,
  ProjectionLeases,
  fencedStore,
  heldLeases,
  projectionLease,
} from './projection-leases';

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
  private readonly switchGraceMs: number;
  private readonly lifecycle: ProjectorLog;
  private readonly now: () => number;
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
    this.switchGraceMs = runnerOptions.switchGraceMs ?? 0;
    this.now = runnerOptions.now ?? Date.now;
    this.lifecycle = new ProjectorLog(runnerOptions.logger, this.now);
    this.waiters = new CheckpointWaiters(runnerOptions.pollIntervalMs ?? 100, (name) =>
      this.readActiveCheckpoint(name),
    );
  }

  /** Reads which build each projection serves, without running anything (a query-only process). */
  async load(): Promise<void> {
    for (const projection of this.projections) {
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
      for (const entry of this.entries.values()) await this.run(entry);
    } else {
      this.leases = new ProjectionLeases(this.leaseOptions, [...this.entries.keys()], {
        run: (name) =>
          this.serially(async () => {
            await this.load(); // the previous holder may have switched builds
            await this.run(this.entry(name));
          }),
        stop: (name) => this.serially(() => this.halt(this.entry(name))),
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

  private async run(entry: Entry): Promise<void> {
    const { projection, active } = entry;
    const versions = await readVersions(this.readStore, projection.name);
    if (active.version === projection.version) {
      entry.worker = this.startWorker(entry, active, 'build');
      if (versions?.pending?.version === projection.version)
        await this.startRebuild(entry, versions.pending, true);
      else if (versions?.pending) await this.abandon(entry, versions.pending);
    } else {
      const resume = versions?.pending?.version === projection.version;
      if (versions?.pending && !resume) await this.abandon(entry, versions.pending);
      const target = resume
        ? versions!.pending!
        : recordedBuild(projection, { version: projection.version, generation: 0 });
      await this.startRebuild(entry, target, resume);
    }
  }

  private async halt(entry: Entry): Promise<void> {
    for (const worker of [entry.rebuild, entry.worker]) {
      await worker?.stop();
      if (worker) this.lifecycle.stopped(worker.prefix);
    }
    entry.rebuild = entry.worker = undefined;
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    this.waiters.close();
    await this.serial;
    for (const entry of this.entries.values()) await this.halt(entry);
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
        await this.rebuild(request.id);
        await clearRebuildRequest(this.readStore, request);
      }
    });
  }

  private runsHere(name: string): boolean {
    return this.running && (!this.leases || this.leases.fence(name) !== undefined);
  }

  /** Builds a fresh copy of the active version beside it and switches over when caught up. */
  private async rebuild(name: string): Promise<void> {
    const entry = this.entry(name);
    if (entry.rebuild && entry.rebuild.state !== 'halted') return;
    await entry.rebuild?.stop();
    const { version } = entry.projection;
    const generation = entry.active.version === version ? entry.active.generation + 1 : 0;
    await this.startRebuild(entry, recordedBuild(entry.projection, { version, generation }), false);
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
    entry.worker?.requestProbe();
    await this.waiters.waitFor(
      name,
      position,
      timeoutMs,
      () => this.activeCheckpoint(entry),
      () => this.stateOf(entry),
    );
  }

  /** The physical name of a logical collection of the build queries read now. */
  collection(name: string, collection: string): string {
    return physicalCollection(buildPrefix(name, this.entry(name).active), collection);
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

  private startWorker(
    entry: Entry,
    build: ProjectionBuild,
    kind: 'build' | 'rebuild',
    beforeLive?: (w: ProjectionWorker) => Promise<void>,
  ): ProjectionWorker {
    const fence = this.leases?.fence(entry.projection.name);
    const worker = new ProjectionWorker(
      entry.projection,
      build,
      this.eventStore,
      this.log,
      fence ? fencedStore(this.readStore, fence) : this.readStore,
      this.options,
      (w) => {
        if (w === entry.worker) this.waiters.notify(entry.projection.name, w.checkpoint);
        if (w.failure) this.lifecycle.halt(w.prefix, w.failure);
        else if (w.state === 'live') this.lifecycle.live(w.prefix, text(w.checkpoint));
      },
      beforeLive,
    );
    void this.reportStart(worker, kind);
    worker.start();
    return worker;
  }

  private async reportStart(worker: ProjectionWorker, kind: 'build' | 'rebuild'): Promise<void> {
    const saved = await this.readStore.getCheckpoint(worker.prefix).catch(() => null);
    const from = saved?.position ? parsePosition(saved.position) : null;
    const [remaining, total] = await Promise.all([
      this.eventStore.countEventsAfter(from),
      this.eventStore.countEventsAfter(null),
    ]).catch(() => [0, 0]);
    this.lifecycle.started(worker.prefix, kind, text(from), remaining, total);
    if (worker.state === 'live') this.lifecycle.live(worker.prefix, text(worker.checkpoint));
  }

  private async startRebuild(entry: Entry, target: RecordedBuild, resume: boolean): Promise<void> {
    const prefix = buildPrefix(entry.projection.name, target);
    if (!resume) await dropBuild(this.readStore, prefix, target.collections);
    await writeVersions(this.readStore, {
      id: entry.projection.name,
      active: entry.active,
      pending: target,
    });
    entry.pending = target;
    entry.rebuild = this.startWorker(entry, target, 'rebuild', (worker) =>
      this.switchTo(entry, worker, target),
    );
  }

  /**
   * Stops the old build first, lets the new one catch up past everything the old one applied,
   * then switches with one document write: a reader never sees the answer go backwards.
   */
  private async switchTo(
    entry: Entry,
    worker: ProjectionWorker,
    target: RecordedBuild,
  ): Promise<void> {
    const old = entry.active;
    await entry.worker?.stop();
    if (!(await worker.catchUp())) return;
    await writeVersions(this.readStore, {
      id: entry.projection.name,
      active: target,
      switchedAt: new Date(this.now()).toISOString(),
    });
    const oldPrefix = buildPrefix(entry.projection.name, old);
    this.lifecycle.switched(
      entry.projection.name,
      oldPrefix,
      worker.prefix,
      text(worker.checkpoint),
    );
    entry.active = target;
    entry.pending = undefined;
    entry.worker = worker;
    entry.rebuild = undefined;
    this.waiters.notify(entry.projection.name, worker.checkpoint);
    // Processes that only query follow the switch within `FOLLOW_MS`; until they have, the old
    // build must still answer them (a dropped table would be a 500).
    const dropOld = () => dropBuild(this.readStore, oldPrefix, old.collections);
    if (!this.switchGraceMs) return dropOld();
    setTimeout(() => void dropOld().catch(() => undefined), this.switchGraceMs).unref();
  }

  private async abandon(entry: Entry, pending: RecordedBuild): Promise<void> {
    await dropBuild(
      this.readStore,
      buildPrefix(entry.projection.name, pending),
      pending.collections,
    );
    await writeVersions(this.readStore, { id: entry.projection.name, active: entry.active });
    entry.pending = undefined;
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
