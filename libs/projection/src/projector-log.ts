import { Logger } from '@nestjs/common';
import { ProjectionFailure } from './worker-options';

/** Where the projector's lifecycle lines go (Nest's Logger in a process; a recorder in tests). */
export interface LifecycleLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How far a catch-up has come, and how long it should still take at the rate seen so far. */
export interface ProgressEstimate {
  /** Share of the log applied, 0-100 with one decimal. */
  percent: number;
  /** Events still to apply (counted by the event store). */
  remaining: number;
  /** Events applied per second since the catch-up started (null before any time has passed). */
  eventsPerSecond: number | null;
  /** Seconds left at that rate (null while the rate is unknown or zero). */
  etaSeconds: number | null;
}

interface CatchUp {
  kind: 'build' | 'rebuild';
  startedAt: number;
  /** Events applied when it started (the log's length minus what remained). */
  doneAtStart: number;
  latest?: ProgressEstimate;
}

/** The share of a log of `total` events that `remaining` leaves applied, one decimal. */
export function percentDone(remaining: number, total: number): number {
  if (total <= 0) return 100;
  return Math.floor((1000 * (total - remaining)) / total) / 10;
}

/**
 * The projector's lifecycle lines, one builder per projection build (`prefix`): its start, its
 * catch-up progress (percent and an estimate of the time left), the moment it goes live, the
 * switch to a rebuilt generation, and a halt with the event that failed. Time comes from `now`
 * (a fake clock in tests), never from the system directly.
 */
export class ProjectorLog {
  private readonly catchUps = new Map<string, CatchUp>();
  private readonly halted = new Set<string>();

  constructor(
    private readonly logger: LifecycleLogger = new Logger('Projector'),
    private readonly now: () => number = Date.now,
  ) {}

  started(
    prefix: string,
    kind: CatchUp['kind'],
    checkpoint: string | null,
    remaining: number,
    total: number,
  ): void {
    this.halted.delete(prefix);
    this.catchUps.set(prefix, { kind, startedAt: this.now(), doneAtStart: total - remaining });
    const from = checkpoint === null ? 'the start of the log' : `position ${checkpoint}`;
    this.logger.log(
      `${prefix}: ${kind} started from ${from}, ${remaining} of ${total} events to apply`,
    );
  }

  /** Logs and answers a catch-up's progress; undefined when `prefix` is not catching up. */
  progress(prefix: string, remaining: number, total: number): ProgressEstimate | undefined {
    const catchUp = this.catchUps.get(prefix);
    if (!catchUp) return undefined;
    const seconds = (this.now() - catchUp.startedAt) / 1000;
    const applied = total - remaining - catchUp.doneAtStart;
    const eventsPerSecond = seconds > 0 ? Math.round(applied / seconds) : null;
    const etaSeconds =
      eventsPerSecond && eventsPerSecond > 0 ? Math.ceil(remaining / eventsPerSecond) : null;
    const estimate = {
      percent: percentDone(remaining, total),
      remaining,
      eventsPerSecond,
      etaSeconds,
    };
    catchUp.latest = estimate;
    const rate = eventsPerSecond === null ? '' : `, ${eventsPerSecond} events/s`;
    const left = etaSeconds === null ? 'time left unknown' : `about ${etaSeconds} s left`;
    this.logger.log(
      `${prefix}: ${catchUp.kind} ${estimate.percent}% (${total - remaining} of ${total} events${rate}), ${left}`,
    );
    return estimate;
  }

  /** The last estimate of a catch-up under way. */
  latest(prefix: string): ProgressEstimate | undefined {
    return this.catchUps.get(prefix)?.latest;
  }

  catchingUp(prefix: string): boolean {
    return this.catchUps.has(prefix);
  }

  /** The catch-up reached the head: from now on the build follows the log live. */
  live(prefix: string, checkpoint: string | null): void {
    const catchUp = this.catchUps.get(prefix);
    if (!catchUp) return;
    this.catchUps.delete(prefix);
    const seconds = ((this.now() - catchUp.startedAt) / 1000).toFixed(1);
    this.logger.log(
      `${prefix}: caught up at position ${checkpoint ?? 'none'} in ${seconds} s; live`,
    );
  }

  switched(name: string, from: string, to: string, checkpoint: string | null): void {
    this.logger.log(
      `${name}: queries switched from ${from} to ${to} at position ${checkpoint ?? 'none'}`,
    );
  }

  /** Logs a halt once per build: the event that failed, how often, and why. */
  halt(prefix: string, failure: ProjectionFailure): void {
    if (this.halted.has(prefix)) return;
    this.halted.add(prefix);
    this.catchUps.delete(prefix);
    const event = failure.type
      ? `event ${failure.position} (${failure.type} on ${failure.streamName})`
      : `a store action at position ${failure.position || 'none'}`;
    this.logger.error(
      `${prefix}: halted at ${event} after ${failure.attempts} attempts: ${failure.message}`,
    );
  }

  stopped(prefix: string): void {
    this.catchUps.delete(prefix);
  }
}
