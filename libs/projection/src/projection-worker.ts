import { EventStore, GlobalPosition, RecordedEvent, parsePosition } from '@hub/event-store';
import { ReadModelStore } from '@hub/read-store';
import { CatchUpLog, CatchUpReader } from './catch-up-log';
import { CatchUpWindow } from './catch-up-window';
import { IdleProbe } from './idle-probe';
import { LiveFeed } from './live-feed';
import { ProjectionFailure, WorkerOptions, WorkerState, describeFailure } from './worker-options';
import { Projection, ProjectionBuild, buildPrefix, physicalCollection } from './projection';
import { EvolveFailure, applyEvents } from './projection-batch';
import { SnapshotWriter } from './snapshots/snapshot-writer';
import { WorkerBackoff } from './worker-backoff';
import { nextHandled } from './shows-position';

export type { ProjectionFailure, WorkerOptions, WorkerState } from './worker-options';

/**
 * Runs one build (version + generation) of one projection: catch up from its checkpoint in
 * pages of the shared CatchUpLog, then follow subscribeToAll. The checkpoint also advances over events
 * the projection does not handle (up to the head it has observed), so waiting for a position
 * works for every projection, whatever events sit at that position.
 *
 * Failure policy: a batch that fails (evolve throws, or the store errors) is retried with
 * backoff, because a store error may be transient; an event whose evolve keeps failing halts
 * the projection at the event before it, with the failing event visible in `failure`. We halt
 * rather than skip: a skipped event would leave documents silently wrong, while a halted
 * projection is visibly lagging and is fixed by a code change and a rebuild.
 */
export class ProjectionWorker {
  readonly prefix: string;
  state: WorkerState = 'starting';
  checkpoint: GlobalPosition | null = null;
  evolved: GlobalPosition | null = null; // how far a catch-up has evolved (ahead of its commits)
  failure?: ProjectionFailure;
  private stopping = false;
  private stopSignal!: Promise<void>;
  private signalStop!: () => void;
  private readonly probe: IdleProbe;
  private poke: () => void = () => undefined;
  private running: Promise<void> | null = null;
  private readonly snapshots: SnapshotWriter;
  private readonly backoff: WorkerBackoff;

  constructor(
    private readonly projection: Projection,
    readonly build: ProjectionBuild,
    private readonly eventStore: EventStore,
    /** Where catch-ups read: the log read once for every projection catching up. */
    private readonly log: CatchUpLog,
    private readonly readStore: ReadModelStore,
    private readonly options: WorkerOptions,
    private readonly onCheckpoint: (worker: ProjectionWorker) => void,
    /** Runs once after the first catch-up, before going live (a rebuild switches over here). */
    private readonly beforeLive?: (worker: ProjectionWorker) => Promise<void>,
  ) {
    this.prefix = buildPrefix(projection.name, build);
    this.snapshots = new SnapshotWriter(readStore, eventStore, projection, this.prefix, options);
    this.probe = new IdleProbe(options.idleProbeMs);
    this.stopSignal = new Promise((resolve) => (this.signalStop = resolve));
    this.backoff = new WorkerBackoff(options, this.stopSignal, () => this.stopping);
  }

  get collections(): string[] {
    return this.projection.collections.map((c) => physicalCollection(this.prefix, c.name));
  }

  start(): void {
    this.running ??= this.run().catch((error: unknown) => {
      this.halt(null, error, 1);
    });
  }

  /** Asks an idle worker to advance its checkpoint to the head now (someone is waiting). */
  requestProbe(): void {
    this.probe.request();
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.signalStop();
    await this.running;
    if (this.state !== 'halted') this.state = 'stopped';
  }

  private async run(): Promise<void> {
    const saved = await this.readStore.getCheckpoint(this.prefix);
    this.checkpoint = saved?.position ? parsePosition(saved.position) : null;
    for (const collection of this.projection.collections)
      for (const fields of collection.indexes ?? [])
        await this.readStore.ensureIndex(physicalCollection(this.prefix, collection.name), fields);
    await this.snapshots.init(this.checkpoint);
    this.state = 'catching-up';
    if (!(await this.catchUp())) return;
    if (this.beforeLive) {
      await this.beforeLive(this);
      if (this.stopping || this.isHalted()) return;
    }
    this.state = 'live';
    await this.followLive();
  }

  /**
   * Reads pages until one reaches the head; false if stopped or halted.
   * Pages are evolved as they are read and gathered into windows (`catchUpWindow`), each
   * committed with one batch (see CatchUpWindow): a catch-up commits a few times instead of
   * once per page.
   */
  async catchUp(): Promise<boolean> {
    const reader = this.log.reader(this.projection.handles);
    try {
      return await this.catchUpWith(reader);
    } finally {
      reader.close();
    }
  }

  /**
   * A full window is committed while the next one is evolved: the next window reads the
   * documents of the one being committed from memory, where they are newer than the store's.
   * Its own commit waits for the previous one, so checkpoints land in order (a MongoDB batch
   * is several writes: two at once could put a later checkpoint before earlier documents).
   */
  private async catchUpWith(reader: CatchUpReader): Promise<boolean> {
    let cursor = this.checkpoint;
    let window = this.newWindow(cursor);
    let committing: Promise<boolean> | null = null;
    try {
      while (!this.stopping && this.state !== 'halted') {
        const page = await reader.pageAfter(cursor);
        const target = page.through ?? cursor;
        cursor = target;
        const added = await this.retrying(() => window.add(page.events));
        if (!added) return false;
        this.snapshots.saw(page.events);
        const failure = added.value;
        if (!failure) this.evolved = target;
        const full = window.isFull(page, this.options, this.snapshots.due);
        const closing = failure !== undefined || page.atHead || full;
        if (closing && committing) {
          if (!(await committing)) return false;
          committing = null;
        }
        if (failure) {
          // Commit the events before the failing one; process() retries it, then halts.
          if (!(await this.commit(window, window.lastApplied))) return false;
          window = this.newWindow(target);
          const rest = page.events.slice(page.events.indexOf(failure.event));
          if (!(await this.process(rest, target, failure))) return false;
        } else if (page.atHead) {
          return await this.commit(window, target);
        } else if (closing) {
          committing = this.commit(window, target);
          window = this.newWindow(target, window);
        }
        await reader.pause(page);
      }
      return false;
    } finally {
      // Stopped or halted meanwhile: the commit under way still lands (or halts) before we return.
      await committing;
    }
  }

  private newWindow(from: GlobalPosition | null, committing?: CatchUpWindow): CatchUpWindow {
    return new CatchUpWindow(this.readStore, this.projection, this.prefix, from, committing);
  }

  /** Commits a window's documents with `target` as the checkpoint; false when halted or stopped. */
  private async commit(window: CatchUpWindow, target: GlobalPosition | null): Promise<boolean> {
    if (target === null || (this.checkpoint !== null && target <= this.checkpoint)) return true;
    const batch = window.batch(target);
    const committed = await this.retrying(async () =>
      this.readStore.applyBatch(await this.snapshots.extend(batch)),
    );
    if (committed) this.advance(target);
    return committed !== null;
  }

  private async followLive(): Promise<void> {
    const feed = new LiveFeed(
      this.eventStore.subscribeToAll({
        fromPosition: this.checkpoint ?? undefined,
        filter: { eventTypes: this.projection.handles },
      }),
      this.options.batchSize * 2,
    );
    try {
      while (!this.stopping && this.state !== 'halted' && !feed.isEnded) {
        const poked = new Promise<void>((resolve) => (this.poke = resolve));
        const batch = await feed.next(
          this.options.batchSize,
          this.probe.ms,
          Promise.race([this.stopSignal, poked]),
        );
        if (this.stopping) return;
        const fresh = batch.filter((event) => this.isNew(event));
        if (fresh.length === 0) {
          this.probe.probed(await this.advanceToHead());
          await this.finishSnapshot();
        } else if (await this.process(fresh, fresh[fresh.length - 1].position))
          this.probe.arrived();
      }
    } finally {
      await feed.close();
    }
  }

  /**
   * Moves the checkpoint to the head when no event this projection handles lies between the
   * two; the check reads the store, not the subscription, so it cannot race with delivery.
   * Answers whether the head had moved past the checkpoint.
   */
  private async advanceToHead(): Promise<boolean> {
    const head = await this.eventStore.headPosition();
    if (head === null || (this.checkpoint !== null && head <= this.checkpoint)) return false;
    const next = await nextHandled(this.eventStore, this.projection.handles, this.checkpoint);
    if (next === undefined || next.position > head) await this.process([], head);
    return true;
  }

  /** Writes the rest of a snapshot under way, when nothing else is there to carry it. */
  private async finishSnapshot(): Promise<void> {
    const position = this.checkpoint;
    const rest = position === null || this.isHalted() ? null : this.snapshots.rest(position);
    if (rest && (await this.retrying(() => this.readStore.applyBatch(rest))))
      this.snapshots.committed(position!);
  }

  /** Applies events and the checkpoint, retrying and finally halting; false when halted or stopped. */
  private async process(
    events: readonly RecordedEvent[],
    target: GlobalPosition | null,
    /** How the first of `events` already failed (in a catch-up window): that was attempt 1. */
    earlier?: EvolveFailure,
  ): Promise<boolean> {
    if (
      target === null ||
      (events.length === 0 && this.checkpoint !== null && target <= this.checkpoint)
    )
      return true;
    let remaining = events;
    this.snapshots.saw(events);
    let failure: { event: RecordedEvent | null; error: unknown } | undefined = earlier;
    for (let failures = earlier ? 1 : 0; ; failures += 1) {
      if (failure) {
        if (failures >= this.options.maxAttempts) {
          this.halt(failure.event, failure.error, failures);
          return false;
        }
        if (!(await this.backoff.wait(failures))) return false;
      }
      try {
        const result = await applyEvents(
          this.readStore,
          this.projection,
          this.prefix,
          remaining,
          target,
          (batch) => this.snapshots.extend(batch, true),
        );
        if (result.committed !== null) this.advance(result.committed);
        if (!result.failure) return true;
        remaining = remaining.slice(remaining.indexOf(result.failure.event));
        failure = result.failure;
      } catch (storeError) {
        failure = { event: remaining[0] ?? null, error: storeError };
      }
    }
  }

  /** A store action, retried with backoff; null once stopped, or halted after its last attempt. */
  private retrying<T>(action: () => Promise<T>): Promise<{ value: T } | null> {
    return this.backoff.retrying(action, (error, attempts) => this.halt(null, error, attempts));
  }

  private advance(position: GlobalPosition): void {
    this.checkpoint = position;
    this.snapshots.committed(position);
    this.onCheckpoint(this);
  }

  private halt(event: RecordedEvent | null, error: unknown, attempts: number): void {
    this.state = 'halted';
    this.failure = describeFailure(event, error, attempts, this.checkpoint);
    this.onCheckpoint(this);
  }

  private isHalted(): boolean {
    return this.state === 'halted';
  }

  private isNew(event: RecordedEvent): boolean {
    return this.checkpoint === null || event.position > this.checkpoint;
  }
}
