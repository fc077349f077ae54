import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EVENT_STORE,
  EventStore,
  GlobalPosition,
  Subscription,
  parsePosition,
} from '@hub/event-store';
import { Fence, READ_MODEL_STORE, ReadModelStore, isLeaseLost } from '@hub/read-store';
import { ScheduleBackfill } from '../schedule/schedule-backfill';
import { Workflows } from './workflows';

// The checkpoint keeps the name it had when workflows were called follow-ups, so a store written
// then resumes where it stood.
const CHECKPOINT = 'follow-ups';
const MAX_BACKOFF_MS = 30_000;

/**
 * The workflows role: feeds every event some workflow handles to it from the log, after its
 * checkpoint, so that what a process died before completing is completed on restart. Steps are
 * idempotent, so running one that a handler already completed inline changes nothing. A failing
 * step is retried with backoff and never skipped: the checkpoint only moves past an event once
 * its steps have completed. Run in one process at a time (WorkflowLeases): each checkpoint
 * commit carries the lease's fence, so a process whose lease passed on cannot move it.
 */
@Injectable()
export class WorkflowRunner {
  private readonly logger = new Logger(WorkflowRunner.name);
  private subscription?: Subscription;
  private running?: Promise<void>;
  private stopped = false;
  /** The last event whose steps completed (the checkpoint), once known. */
  private position?: GlobalPosition;
  private started = false;
  private fence?: Fence;
  /** The checkpoint committed last, and the commit under way. */
  private stored?: GlobalPosition;
  private committing?: Promise<void>;
  private lost = false;

  constructor(
    private readonly workflows: Workflows,
    private readonly backfill: ScheduleBackfill,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  /** Runs the reactions here from the checkpoint, committing under `fence` when given. */
  begin(fence?: Fence): void {
    if (this.running) return;
    this.stopped = false;
    this.fence = fence;
    this.running = this.run().finally(() => (this.running = undefined));
  }

  /** Whether the reactions run in this process now. */
  get runsHere(): boolean {
    return this.running !== undefined;
  }

  /** Stops running the reactions here (the lease passed on, or the process stops). */
  async end(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
    await this.running;
    // The last completed steps' checkpoint, unless the lease passed on.
    await this.committing;
    if (!this.lost) await this.commitCompleted();
    this.started = false;
  }

  private async storedPosition(): Promise<GlobalPosition | undefined> {
    const saved = await this.readModels.getCheckpoint(CHECKPOINT);
    return saved?.position ? (parsePosition(saved.position) ?? undefined) : undefined;
  }

  private async run(): Promise<void> {
    const from = await this.storedPosition();
    this.position = from;
    this.stored = from;
    this.lost = false;
    // Before the first fact: the schedule must hold every due time the facts up to the
    // checkpoint cause, which a store from before the schedule, or one that lost it, does not.
    await this.backfill.ensure(from);
    this.started = true;
    // Stopped while deriving: shutdown found no subscription to close, so none may start now.
    if (this.stopped) return;
    this.subscription = this.events.subscribeToAll({
      fromPosition: from,
      filter: { eventTypes: this.workflows.handles },
    });
    try {
      for await (const event of this.subscription) {
        await this.completeStep(() => this.workflows.react(event), event.position);
        if (this.stopped) return;
      }
    } catch (error) {
      if (!this.stopped)
        this.logger.error(`workflow subscription ended: ${(error as Error).message}`);
    }
  }

  /**
   * Whether every event some workflow handles has been completed: the schedule the clock fires
   * from is then derived from the whole log (a due time is never missed for want of its cause).
   */
  async caughtUp(): Promise<boolean> {
    // Run in another process (the lease is there): how far it got is its stored checkpoint.
    const position = this.started ? this.position : await this.storedPosition();
    const fromPosition = position === undefined ? undefined : ((position + 1n) as GlobalPosition);
    const next = await this.events.readAll({
      fromPosition,
      maxCount: 1,
      filter: { eventTypes: this.workflows.handles },
    });
    return next.length === 0;
  }

  /**
   * Runs `step` until it completes (retried with backoff, never skipped), then marks `position`
   * completed; its checkpoint is committed beside the next steps (`commitCompleted`).
   */
  private async completeStep(
    step: () => Promise<unknown>,
    position: GlobalPosition,
  ): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt += 1) {
      try {
        await step();
        this.position = position;
        this.commitSoon();
        return;
      } catch (error) {
        if (isLeaseLost(error)) return this.leaseLost(position);
        await this.backOff('step', position, attempt, error);
      }
    }
  }

  private commitSoon(): void {
    if (this.committing) return;
    this.committing = this.commitCompleted().finally(() => {
      this.committing = undefined;
      // A step completed between the last write and this line: its checkpoint goes now.
      if (!this.stopped && this.position !== this.stored) this.commitSoon();
    });
  }

  /**
   * Commits the checkpoint of the last completed step, one write at a time: the steps completed
   * while one commits go in the next, so a busy log costs a write per pause, not per event (a
   * step redone after a crash changes nothing). Refused once the lease passed on.
   */
  private async commitCompleted(): Promise<void> {
    for (let attempt = 0; this.position !== undefined && this.position !== this.stored;) {
      const position = this.position;
      try {
        await this.readModels.applyBatch({
          projection: CHECKPOINT,
          changes: [],
          checkpoint: position.toString(),
          ...(this.fence ? { fence: this.fence } : {}),
        });
        this.stored = position;
        attempt = 0;
      } catch (error) {
        if (isLeaseLost(error)) return this.leaseLost(position);
        if (this.stopped) return;
        await this.backOff('checkpoint', position, attempt, error);
        attempt += 1;
      }
    }
  }

  /** Waits before retrying what failed at `position`: 100 ms, doubling, at most 30 s. */
  private async backOff(
    what: string,
    position: GlobalPosition,
    attempt: number,
    error: unknown,
  ): Promise<void> {
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt);
    this.logger.warn(
      `workflow ${what} at ${position} failed (${(error as Error).message}); retrying in ${delay} ms`,
    );
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  /** Another process runs the reactions now; it redoes what this one left (steps are idempotent). */
  private async leaseLost(position: GlobalPosition): Promise<void> {
    this.logger.warn(`workflow lease lost at ${position}; stopping here`);
    this.lost = true;
    this.stopped = true;
    await this.subscription?.close();
  }
}
