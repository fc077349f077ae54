import { EventStore, parsePosition } from '@hub/event-store';
import { Fence, ReadModelStore } from '@hub/read-store';
import { ProjectionBuild, buildPrefix } from './projection';
import { text } from './projection-status';
import {
  RecordedBuild,
  dropBuild,
  readVersions,
  recordedBuild,
  writeVersions,
} from './projection-versions';
import { Entry } from './runner-entry';
import { ProjectionWorker, WorkerOptions } from './projection-worker';
import { ProjectorLog } from './projector-log';
import { CatchUpLog } from './catch-up-log';
import { fencedStore } from './projection-leases';

/** What the builds of a runner's projections share. */
export interface BuildContext {
  eventStore: EventStore;
  readStore: ReadModelStore;
  log: CatchUpLog;
  options: WorkerOptions;
  lifecycle: ProjectorLog;
  now: () => number;
  /** How long an old build outlives a switch (0: dropped at once). */
  switchGraceMs: number;
  /** The fence of the projection's lease here (undefined: run without leases). */
  fence(name: string): Fence | undefined;
  /** A build's checkpoint advanced (waiters of its projection may be answered). */
  advanced(entry: Entry, worker: ProjectionWorker): void;
}

/**
 * The builds of the projections a runner runs: the active build's worker, a rebuild beside it
 * (a version bump, or a fresh generation on request), and the switch from one to the other.
 */
export class ProjectionBuilds {
  constructor(private readonly context: BuildContext) {}

  /** Starts a projection here: its active build when it is the code's, and any rebuild due. */
  async run(entry: Entry): Promise<void> {
    const { projection, active } = entry;
    const versions = await readVersions(this.context.readStore, projection.name);
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

  /** Stops this process's workers of a projection. */
  async halt(entry: Entry): Promise<void> {
    for (const worker of [entry.rebuild, entry.worker]) {
      await worker?.stop();
      if (worker) this.context.lifecycle.stopped(worker.prefix);
    }
    entry.rebuild = entry.worker = undefined;
  }

  /** Builds a fresh copy of the active version beside it and switches over when caught up. */
  async rebuild(entry: Entry): Promise<void> {
    if (entry.rebuild && entry.rebuild.state !== 'halted') return;
    await entry.rebuild?.stop();
    const { version } = entry.projection;
    const generation = entry.active.version === version ? entry.active.generation + 1 : 0;
    await this.startRebuild(entry, recordedBuild(entry.projection, { version, generation }), false);
  }

  private startWorker(
    entry: Entry,
    build: ProjectionBuild,
    kind: 'build' | 'rebuild',
    beforeLive?: (w: ProjectionWorker) => Promise<void>,
  ): ProjectionWorker {
    const fence = this.context.fence(entry.projection.name);
    const worker = new ProjectionWorker(
      entry.projection,
      build,
      this.context.eventStore,
      this.context.log,
      fence ? fencedStore(this.context.readStore, fence) : this.context.readStore,
      this.context.options,
      (w) => {
        if (w === entry.worker) this.context.advanced(entry, w);
        if (w.failure) this.context.lifecycle.halt(w.prefix, w.failure);
        else if (w.state === 'live') this.context.lifecycle.live(w.prefix, text(w.checkpoint));
      },
      beforeLive,
    );
    void this.reportStart(worker, kind);
    worker.start();
    return worker;
  }

  private async reportStart(worker: ProjectionWorker, kind: 'build' | 'rebuild'): Promise<void> {
    const saved = await this.context.readStore.getCheckpoint(worker.prefix).catch(() => null);
    const from = saved?.position ? parsePosition(saved.position) : null;
    const [remaining, total] = await Promise.all([
      this.context.eventStore.countEventsAfter(from),
      this.context.eventStore.countEventsAfter(null),
    ]).catch(() => [0, 0]);
    this.context.lifecycle.started(worker.prefix, kind, text(from), remaining, total);
    if (worker.state === 'live')
      this.context.lifecycle.live(worker.prefix, text(worker.checkpoint));
  }

  private async startRebuild(entry: Entry, target: RecordedBuild, resume: boolean): Promise<void> {
    const prefix = buildPrefix(entry.projection.name, target);
    if (!resume) await dropBuild(this.context.readStore, prefix, target.collections);
    await writeVersions(this.context.readStore, {
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
    await writeVersions(this.context.readStore, {
      id: entry.projection.name,
      active: target,
      switchedAt: new Date(this.context.now()).toISOString(),
    });
    const oldPrefix = buildPrefix(entry.projection.name, old);
    this.context.lifecycle.switched(
      entry.projection.name,
      oldPrefix,
      worker.prefix,
      text(worker.checkpoint),
    );
    entry.active = target;
    entry.pending = undefined;
    entry.worker = worker;
    entry.rebuild = undefined;
    this.context.advanced(entry, worker);
    // Processes that only query re-read the active build as each query starts (and every
    // FOLLOW_MS); queries already under way there must still find the old build.
    const dropOld = () => dropBuild(this.context.readStore, oldPrefix, old.collections);
    if (!this.context.switchGraceMs) return dropOld();
    setTimeout(() => void dropOld().catch(() => undefined), this.context.switchGraceMs).unref();
  }

  private async abandon(entry: Entry, pending: RecordedBuild): Promise<void> {
    await dropBuild(
      this.context.readStore,
      buildPrefix(entry.projection.name, pending),
      pending.collections,
    );
    await writeVersions(this.context.readStore, {
      id: entry.projection.name,
      active: entry.active,
    });
    entry.pending = undefined;
  }
}
