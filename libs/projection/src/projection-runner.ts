import { NotFoundError } from '@hub/domain';
import { EventStore, GlobalPosition, parsePosition } from '@hub/event-store';
import { ReadModelStore } from '@hub/read-store';
import { Projection, ProjectionBuild, buildPrefix, physicalCollection } from './projection';
import {
  ProjectionState,
  ProjectionStatus,
  describeProjection,
  workerState,
} from './projection-status';
import { RecordedBuild, dropBuild, readVersions, writeVersions } from './projection-versions';
import { ProjectionWorker, WorkerOptions } from './projection-worker';
import { CheckpointWaiters } from './checkpoint-waiters';
import { CatchUpLog } from './catch-up-log';

export interface ProjectionRunnerOptions extends Partial<WorkerOptions> {
  /** How often waitForPosition re-reads the stored checkpoint (a projector in another process). */
  pollIntervalMs?: number;
}

/** A read-only handle on a projection's documents: the store and the physical collection names. */
export interface ProjectionView {
  store: ReadModelStore;
  collection(collection: string): string;
}

interface Entry {
  projection: Projection;
  active: RecordedBuild;
  /** Absent while the active build comes from another code version (frozen until the switch). */
  worker?: ProjectionWorker;
  rebuild?: ProjectionWorker;
  storedCheckpoint: GlobalPosition | null;
}

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

  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadModelStore,
    private readonly projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    this.options = {
      batchSize: Math.max(2, options.batchSize ?? 1000),
      catchUpWindow: options.catchUpWindow ?? 200_000,
      // About 64 MB of document text per catch-up (JSON is mostly one byte a character).
      catchUpCharacters: options.catchUpCharacters ?? 64 * 1024 * 1024,
      // Smaller windows would write a document touched across them more often; 20k events'
      // documents commit in a fraction of a second.
      catchUpHalving: options.catchUpHalving ?? 20_000,
      maxAttempts: options.maxAttempts ?? 5,
      retryDelayMs: options.retryDelayMs ?? 100,
      idleProbeMs: options.idleProbeMs ?? 200,
    };
    this.log = new CatchUpLog(
      eventStore,
      projections.flatMap((projection) => projection.handles),
      this.options.batchSize,
    );
    this.waiters = new CheckpointWaiters(options.pollIntervalMs ?? 100, (name) =>
      this.readActiveCheckpoint(name),
    );
  }

  /** Reads which build each projection serves, without running anything (a query-only process). */
  async load(): Promise<void> {
    for (const projection of this.projections) {
      const code = this.recordedBuild(projection, { version: projection.version, generation: 0 });
      let versions = await readVersions(this.readStore, projection.name);
      if (!versions)
        await writeVersions(this.readStore, (versions = { id: projection.name, active: code }));
      const saved = await this.readStore.getCheckpoint(
        buildPrefix(projection.name, versions.active),
      );
      const entry = this.entries.get(projection.name);
      if (entry) entry.active = versions.active;
      else
        this.entries.set(projection.name, {
          projection,
          active: versions.active,
          storedCheckpoint: saved?.position ? parsePosition(saved.position) : null,
        });
    }
  }

  /** Starts every projection: the active build when it is the code's, and any rebuild due. */
  async start(): Promise<void> {
    await this.load();
    for (const entry of this.entries.values()) {
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
          : this.recordedBuild(projection, { version: projection.version, generation: 0 });
        await this.startRebuild(entry, target, resume);
      }
    }
  }

  async stop(): Promise<void> {
    this.waiters.close();
    for (const entry of this.entries.values()) {
      await entry.rebuild?.stop();
      await entry.worker?.stop();
    }
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
        this.recordedBuild(entry.projection, { version, generation }),
        false,
      );
    }
    return this.statusOf(name);
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
    const head = await this.eventStore.headPosition();
    return [...this.entries.keys()].map((name) => this.statusAt(name, head));
  }

  async statusOf(name: string): Promise<ProjectionStatus> {
    this.entry(name);
    return this.statusAt(name, await this.eventStore.headPosition());
  }

  private statusAt(name: string, head: GlobalPosition | null): ProjectionStatus {
    const entry = this.entry(name);
    return describeProjection(
      name,
      entry.active,
      this.stateOf(entry),
      this.activeCheckpoint(entry),
      head,
      entry.worker,
      entry.rebuild,
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
    beforeLive?: (w: ProjectionWorker) => Promise<void>,
  ): ProjectionWorker {
    const worker = new ProjectionWorker(
      entry.projection,
      build,
      this.eventStore,
      this.log,
      this.readStore,
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
    await dropBuild(this.readStore, buildPrefix(entry.projection.name, old), old.collections);
  }

  private async abandon(entry: Entry, pending: RecordedBuild): Promise<void> {
    await dropBuild(
      this.readStore,
      buildPrefix(entry.projection.name, pending),
      pending.collections,
    );
    await writeVersions(this.readStore, { id: entry.projection.name, active: entry.active });
  }

  private recordedBuild(projection: Projection, build: ProjectionBuild): RecordedBuild {
    const prefix = buildPrefix(projection.name, build);
    return {
      ...build,
      collections: projection.collections.map((c) => physicalCollection(prefix, c.name)),
    };
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
