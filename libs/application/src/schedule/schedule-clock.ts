import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock, Decider, DomainEvent, deterministicId } from '@hub/domain';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';
import { WorkflowRunner } from '../workflows/workflow-runner';
import { Workflows } from '../workflows/workflows';
import { Schedule } from './schedule';
import { TIMER_DECIDERS, Timer } from './timer';

/** How often the clock looks for due times (SCHEDULE_TICK_MS; "at least every few seconds"). */
export const SCHEDULE_TICK_MS = Symbol('ScheduleTickMs');

/** Due times fired per read of the schedule. */
const BATCH = 500;
/** Due times in flight at once within a batch. */
const CONCURRENCY = 32;
/** How long a pass waits for the runner to derive the schedule from the whole log. */
const DERIVE_WAIT_MS = 5000;

/**
 * The context of a due time's command: the hub's clock acts, at the due time (so every process,
 * every retry and every restart builds the same command and derives the same event ids).
 */
export function timerContext(timer: Timer): CommandContext {
  return {
    commandId: deterministicId('hub-clock', timer.key, timer.dueAt),
    correlationId: deterministicId('hub-clock', timer.key),
    actor: { service: 'hub-clock' },
    source: 'hub-clock',
    occurredAt: timer.dueAt,
  };
}

/**
 * The workflows role's clock: at start-up and every few seconds, fires every due time at or
 * before the hub clock's now, earliest first: its command on its stream (the decider records the
 * fact once, or nothing when a later fact made it moot), then what that fact obliges (its
 * notifications, the next due times). What fell due while the process was down fires at start-up;
 * a clock that jumps fires what it jumped past. Two processes firing the same due time conflict
 * on the stream and the loser's retry decides on the recorded fact: nothing new. The loop runs in
 * one process at a time (WorkflowLeases), which confirms its lease with the store before each
 * batch it fires.
 */
@Injectable()
export class ScheduleClock {
  private readonly logger = new Logger(ScheduleClock.name);
  private stopped = false;
  private running?: Promise<void>;
  private wake?: () => void;
  private firing: Promise<number> = Promise.resolve(0);
  /** Whether this process may fire (its lease still holds); absent: always. */
  private mayFire?: () => Promise<boolean>;

  constructor(
    private readonly schedule: Schedule,
    private readonly executor: CommandExecutor,
    private readonly workflows: Workflows,
    private readonly runner: WorkflowRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEDULE_TICK_MS) private readonly tickMs: number,
  ) {}

  /** Fires due times here every tick from now on; `mayFire` is asked before each batch. */
  begin(mayFire?: () => Promise<boolean>): void {
    if (this.running) return;
    this.stopped = false;
    this.mayFire = mayFire;
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  /** Stops firing here (the lease passed on, or the process stops). */
  async end(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.mayFire = undefined;
  }

  /** Fires everything due now (one pass at a time per process); answers how many facts it recorded. */
  fireDue(): Promise<number> {
    this.firing = this.firing.catch(() => 0).then(() => this.pass());
    return this.firing;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.fireDue();
      } catch (error) {
        this.logger.warn(`firing due times failed: ${(error as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(resolve, this.tickMs);
        this.wake = () => {
          clearTimeout(timeout);
          resolve();
        };
      });
    }
  }

  private async pass(): Promise<number> {
    const now = this.clock.now();
    await this.derived();
    let recorded = 0;
    for (;;) {
      if (this.mayFire && !(await this.mayFire())) return recorded;
      const due = await this.schedule.due(now, BATCH);
      const facts = await this.fireAll(due);
      recorded += facts;
      if (this.stopped || due.length < BATCH) return recorded;
    }
  }

  /**
   * Fires a batch with up to CONCURRENCY due times in flight: different streams' appends share
   * the event store's group commits, and the executor keeps one stream's commands in the order
   * they were sent (earliest due first).
   */
  private async fireAll(due: readonly Timer[]): Promise<number> {
    let next = 0;
    let recorded = 0;
    const worker = async () => {
      while (!this.stopped && next < due.length) {
        const timer = due[next];
        next += 1;
        try {
          // Not `recorded += await …`: that reads `recorded` before the await, losing the
          // other workers' counts.
          const facts = await this.fire(timer);
          recorded += facts;
        } catch (error) {
          // Left on the schedule: the next pass retries it; the others go on.
          this.logger.warn(`due time ${timer.key} failed: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return recorded;
  }

  /**
   * Waits (a bounded while) until the workflow runner has completed every fact in the log, so the
   * schedule holds every due time those facts cause, and none that a later fact cancelled.
   */
  private async derived(): Promise<void> {
    const deadline = Date.now() + DERIVE_WAIT_MS;
    while (!this.stopped && !(await this.runner.caughtUp())) {
      if (Date.now() > deadline) {
        this.logger.warn('the workflow runner lags: firing from the schedule as it stands');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async fire(timer: Timer): Promise<number> {
    const decider = TIMER_DECIDERS[timer.decider] as unknown as Decider<
      unknown,
      DomainEvent,
      unknown
    >;
    if (!decider) {
      this.logger.warn(`due time ${timer.key} names no known decider; dropped`);
      await this.schedule.done(timer);
      return 0;
    }
    const result = await this.executor.execute({
      stream: timer.stream,
      decider,
      context: timerContext(timer),
      command: () => timer.command,
    });
    await this.workflows.complete(result.stream, result.appended);
    // Completing may have put this slot back for a later instant (an extended relationship's
    // next end): `done` removes the entry only while it still holds this due time.
    await this.schedule.done(timer);
    return result.appended.length;
  }
}
