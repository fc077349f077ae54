import { NotFoundError } from '@hub/domain';
import { EventStore, GlobalPosition, parsePosition } from '@hub/event-store';
import { Lease, ReadModelStore } from '@hub/read-store';
import { Projection, ProjectionBuild, buildPrefix, physicalCollection } from './projection';
import { ProjectionState, ProjectionStatus, entryStatus, workerState } from './projection-status';
import {
  RecordedBuild,
  dropBuild,
  readVersions,
  recordedBuild,
  servedBuild,
  writeVersions,
} from './projection-versions';
import { CHECKPOINT_POLL_MS, Entry, ProjectionRunnerOptions, ProjectionView } from './runner-entry';
import { ProjectionWorker, WorkerOptions } from './projection-worker';
import { workerOptions } from './worker-options';
import { CheckpointWaiters } from './checkpoint-waiters';
import { CatchUpLog } from './catch-up-log';
import {
  LeaseOptions,
  ProjectionLeases,
  fencedStore,
  heldLeases,
  projectionLease,
} from './projection-leases';

export { FOLLOW_MS, SWITCH_GRACE_MS } from './runner-entry';
export type { ProjectionRunnerOptions, ProjectionView } from './runner-entry';

/**
 * Runs every projection from the event store into the read store, and answers which build
 * queries read, how far each projection is, and when a position has been applied.
 * The active build of each projection is recorded in the read store (`projection_versions`);
 * a code version that differs from it is built beside it and switched to once caught up.
 */
export class ProjectionRunner {
  private readonly entries = new Map<string, Entry>();
  private readonly options: WorkerOptions;
  private readonly waiters: CheckpointWaiters;
  private readonly log: CatchUpLog;
  private readonly leaseOptions?: LeaseOptions;
  private readonly switchGraceMs: number;
  private leases?: ProjectionLeases;

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadModelStore,
    private readonly projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    this.options = workerOptions(options, readStore.costlyUpdates === true);
    this.log = new CatchUpLog(
      eventStore,
      projections.flatMap((projection) => projection.handles),
      this.options.batchSize,
    );
    this.leaseOptions = options.leases;
    this.switchGraceMs = options.switchGraceMs ?? 0;
    this.waiters = new CheckpointWaiters(options.pollIntervalMs ?? CHECKPOINT_POLL_MS, (name) =>
      this.readActiveCheckpoint(name),
    );
  }

  /** Reads which build each projection serves, without running anything (a query-only process). */
  async load(): Promise<void> {
    for (const projection of this.projections) {
      const { active, checkpoint } = await servedBuild(this.readStore, projection);
      const entry = this.entries.get(projection.name);
      if (!entry)
        this.entries.set(projection.name, { projection, active, storedCheckpoint: checkpoint });
      else {
        entry.active = active;
        if (!entry.worker) entry.storedCheckpoint = checkpoint;
      }
    }
  }

  /**
   * Starts every projection (with leases: each whose lease this process holds, now or later):
   * the active build when it is the code's, and any rebuild due.
   */
  async start(): Promise<void> {
    await this.load();
    if (!this.leaseOptions) {
      for (const entry of this.entries.values()) await this.run(entry);
      return;
    }
    this.leases = new ProjectionLeases(this.leaseOptions, [...this.entries.keys()], {
      run: async (name) => {
        await this.load(); // the previous holder may have switched builds
        await this.run(this.entry(name));
      },
      stop: (name) => this.halt(this.entry(name)),
    });
    await this.leases.begin();
  }

  private async run(entry: Entry): Promise<void> {
    const { projection, active } = entry;
    const versions = await readVersions(this.readStore, projection.name);
    if (active.version === projection.version) {
      entry.worker = this.startWorker(entry, active);
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
    await entry.rebuild?.stop();
    await entry.worker?.stop();
    entry.rebuild = entry.worker = undefined;
  }

  async stop(): Promise<void> {
    this.waiters.close();
    for (const entry of this.entries.values()) await this.halt(entry);
    await this.leases?.end();
  }

  /** Builds a fresh copy of the active version beside it and switches over when caught up. */
  async rebuild(name: string): Promise<ProjectionStatus> {
    const entry = this.entry(name);
    if (!entry.rebuild || entry.rebuild.state === 'halted') {
      await entry.rebuild?.stop();
      const { version } = entry.projection;
      const generation = entry.active.version === version ? entry.active.generation + 1 : 0;
      await this.startRebuild(
        entry,
        recordedBuild(entry.projection, { version, generation }),
        false,
      );
    }
    return this.statusOf(name);
  }

  /** Resolves once the active build has applied `position`; ProjectionLaggingError after `timeoutMs`. */
  async waitForPosition(name: string, position: GlobalPosition, timeoutMs: number): Promise<void> {
    const entry = this.entry(name);
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
    const head = await this.eventStore.headPosition();
    const leases = await heldLeases(this.readStore);
    return Promise.all([...this.entries.keys()].map((name) => this.statusAt(name, head, leases)));
  }

  async statusOf(name: string): Promise<ProjectionStatus> {
    this.entry(name);
    const leases = await heldLeases(this.readStore);
    return this.statusAt(name, await this.eventStore.headPosition(), leases);
  }

  /** From this process's workers, or (run elsewhere) the stored checkpoint and the lease. */
  private async statusAt(
    name: string,
    head: GlobalPosition | null,
    leases: ReadonlyMap<string, Lease>,
  ): Promise<ProjectionStatus> {
    const entry = this.entry(name);
    const checkpoint = entry.worker
      ? entry.worker.checkpoint
      : await this.readActiveCheckpoint(name);
    // Counted, not subtracted: EventStoreDB's positions are byte offsets, not event numbers.
    const lag = head === null ? 0 : await this.eventStore.countEventsAfter(checkpoint);
    const lease = leases.get(projectionLease(name));
    return entryStatus(name, entry, this.stateOf(entry), { checkpoint, head, lag }, lease);
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
      },
      beforeLive,
    );
    worker.start();
    return worker;
  }

  private async startRebuild(entry: Entry, target: RecordedBuild, resume: boolean): Promise<void> {
    const prefix = buildPrefix(entry.projection.name, target);
    if (!resume) await dropBuild(this.readStore, prefix, target.collections);
    await writeVersions(this.readStore, {
      id: entry.projection.name,
      active: entry.active,
      pending: target,
    });
    entry.rebuild = this.startWorker(entry, target, (worker) =>
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
      switchedAt: new Date().toISOString(),
    });
    entry.active = target;
    entry.worker = worker;
    entry.rebuild = undefined;
    this.waiters.notify(entry.projection.name, worker.checkpoint);
    // Processes that only query follow the switch within `FOLLOW_MS`; until they have, the old
    // build must still answer them (a dropped table would be a 500).
    const dropOld = () =>
      dropBuild(this.readStore, buildPrefix(entry.projection.name, old), old.collections);
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
