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
 * once by checkpoint advances in this process; a bounded poll of the stored checkpoint covers
 * a projector running in another process. No busy loop either way.
 */
export class CheckpointWaiters {
  private readonly waiting = new Map<string, Set<Waiter>>();
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
      const deadline = Date.now() + timeoutMs;
      let poll: NodeJS.Timeout | undefined;
      const finish = (error?: Error): void => {
        waiters.delete(waiter);
        clearTimeout(poll);
        clearTimeout(timeout);
        this.timers.delete(poll!);
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
      const schedulePoll = (): void => {
        if (Date.now() + this.pollIntervalMs >= deadline) return;
        poll = setTimeout(() => {
          this.timers.delete(poll!);
          this.readCheckpoint(name).then(
            (checkpoint) =>
              reached(checkpoint) ? finish() : waiters.has(waiter) && schedulePoll(),
            () => waiters.has(waiter) && schedulePoll(),
          );
        }, this.pollIntervalMs);
        this.timers.add(poll);
      };
      schedulePoll();
    });
  }

  /** Ends every wait as lagging and cancels the timers. */
  close(): void {
    for (const waiters of this.waiting.values()) for (const waiter of [...waiters]) waiter.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
