import { GlobalPosition } from '@hub/event-store';
import { ProjectionLaggingError } from './projector.errors';

interface Waiter {
  position: GlobalPosition;
  resolve: () => void;
  /** Ends the wait as lagging (the runner is stopping). */
  abort: () => void;
}

/**
 * Read-your-writes: callers wait for a projection's checkpoint to reach a position. Woken at
 * once by checkpoint advances in this process; for a projector running in another process, the
 * stored checkpoint is read every `pollIntervalMs`, once per projection however many callers
 * wait on it, and only while someone waits. No busy loop either way.
 */
export class CheckpointWaiters {
  private readonly waiting = new Map<string, Set<Waiter>>();
  private readonly polls = new Map<string, NodeJS.Timeout>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly pollIntervalMs: number,
    private readonly readCheckpoint: (name: string) => Promise<GlobalPosition | null>,
  ) {}

  notify(name: string, checkpoint: GlobalPosition | null): void {
    if (checkpoint === null) return;
    for (const waiter of this.waiting.get(name) ?? [])
      if (checkpoint >= waiter.position) waiter.resolve();
  }

  waitFor(
    name: string,
    position: GlobalPosition,
    timeoutMs: number,
    current: () => GlobalPosition | null,
    state: () => string,
  ): Promise<void> {
    const reached = (checkpoint: GlobalPosition | null): boolean =>
      checkpoint !== null && checkpoint >= position;
    if (reached(current())) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiters = this.waiting.get(name) ?? new Set<Waiter>();
      this.waiting.set(name, waiters);
      const finish = (error?: Error): void => {
        waiters.delete(waiter);
        clearTimeout(timeout);
        this.timers.delete(timeout);
        if (error) reject(error);
        else resolve();
      };
      const lagging = (): ProjectionLaggingError =>
        new ProjectionLaggingError(
          name,
          position.toString(),
          current()?.toString() ?? null,
          state(),
        );
      const waiter: Waiter = { position, resolve: () => finish(), abort: () => finish(lagging()) };
      waiters.add(waiter);
      const timeout = setTimeout(() => {
        finish(reached(current()) ? undefined : lagging());
      }, timeoutMs);
      this.timers.add(timeout);
      this.poll(name);
    });
  }

  /** Reads the stored checkpoint of `name` until nobody waits on it (one loop per name). */
  private poll(name: string): void {
    if (this.polls.has(name)) return;
    const next = (): void => {
      if ((this.waiting.get(name)?.size ?? 0) === 0) {
        this.polls.delete(name);
        return;
      }
      const timer = setTimeout(() => {
        this.readCheckpoint(name).then(
          (checkpoint) => {
            this.notify(name, checkpoint);
            next();
          },
          () => next(),
        );
      }, this.pollIntervalMs);
      this.polls.set(name, timer);
    };
    next();
  }

  /** Ends every wait as lagging and cancels the timers. */
  close(): void {
    for (const waiters of this.waiting.values()) for (const waiter of [...waiters]) waiter.abort();
    for (const timer of [...this.timers, ...this.polls.values()]) clearTimeout(timer);
    this.timers.clear();
    this.polls.clear();
  }
}
