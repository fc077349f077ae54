import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock, Decider, DomainEvent, deterministicId } from '@hub/domain';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';
import { AnyExecution, UnitOutcome } from '../execution/execution';
import { WorkflowRunner } from '../workflows/workflow-runner';
import { Workflows } from '../workflows/workflows';
import { Schedule } from './schedule';
import { TIMER_DECIDERS, Timer } from './timer';

/** How often the clock looks for due times (SCHEDULE_TICK_MS; "at least every few seconds"). */
export const SCHEDULE_TICK_MS = Symbol('ScheduleTickMs');

/** Due times fired per read of the schedule. */
const BATCH = 1000;
/** Due times decided together and appended in one call (one transaction, one fsync on SQLite). */
const CHUNK = 100;
/** Chunks in flight at once within a batch (their appends share the event store's group commit). */
const CONCURRENCY = 4;
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
   * Fires a batch in chunks of CHUNK due times, CONCURRENCY chunks in flight. The executor keeps
   * one stream's commands in the order they were sent (earliest due first).
   */
  private async fireAll(due: readonly Timer[]): Promise<number> {
    const chunks: Timer[][] = [];
    for (let i = 0; i < due.length; i += CHUNK) chunks.push(due.slice(i, i + CHUNK));
    let recorded = 0;
    const worker = async () => {
      for (let chunk = chunks.shift(); chunk && !this.stopped; chunk = chunks.shift()) {
        // Not `recorded += await …`: that reads `recorded` before the await, losing the
        // other workers' counts.
        const facts = await this.fireChunk(chunk);
        recorded += facts;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return recorded;
  }

  /**
   * Decides a chunk's commands, each a unit of its own (one refusing does not hold back the
   * others), appends them in one call, completes what their facts oblige, then forgets them in one
   * write. When the call fails as a whole, each due time is fired alone, so one bad entry cannot
   * hold back the rest.
   */
  private async fireChunk(timers: readonly Timer[]): Promise<number> {
    const known = timers.filter((timer) => TIMER_DECIDERS[timer.decider]);
    const unknown = timers.filter((timer) => !TIMER_DECIDERS[timer.decider]);
    for (const timer of unknown)
      this.logger.warn(`due time ${timer.key} names no known decider; dropped`);
    let outcomes: UnitOutcome[];
    try {
      outcomes = await this.executor.executeUnits(known.map((timer) => [this.execution(timer)]));
    } catch (error) {
      this.logger.warn(
        `a chunk of due times failed (${(error as Error).message}); firing each alone`,
      );
      let recorded = 0;
      for (const timer of known) recorded += await this.fireAlone(timer);
      await this.schedule.done(unknown);
      return recorded;
    }
    let recorded = 0;
    const fired: Timer[] = [...unknown];
    const reads = this.workflows.batchReads();
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome instanceof Error) {
        // Left on the schedule: the next pass retries it; the others go on.
        this.logger.warn(`due time ${known[i].key} failed: ${outcome.message}`);
        continue;
      }
      for (const result of outcome) {
        await this.workflows.complete(result.stream, result.appended, reads);
        recorded += result.appended.length;
      }
      fired.push(known[i]);
    }
    // Completing may have put a slot back for a later instant (an extended relationship's next
    // end): `done` removes an entry only while it still holds the due time fired.
    await this.schedule.done(fired);
    return recorded;
  }

  private async fireAlone(timer: Timer): Promise<number> {
    try {
      const result = await this.executor.execute(this.execution(timer));
      await this.workflows.complete(result.stream, result.appended);
      await this.schedule.done([timer]);
      return result.appended.length;
    } catch (error) {
      this.logger.warn(`due time ${timer.key} failed: ${(error as Error).message}`);
      return 0;
    }
  }

  private execution(timer: Timer): AnyExecution {
    return {
      stream: timer.stream,
      decider: TIMER_DECIDERS[timer.decider] as unknown as Decider<unknown, DomainEvent, unknown>,
      context: timerContext(timer),
      command: () => timer.command,
    };
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
}
