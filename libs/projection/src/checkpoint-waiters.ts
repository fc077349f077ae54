import { GlobalPosition } from '@hub/event-store';
import { ProjectionLaggingError } from './projector.errors';

/**
 * How long a position beyond the log's head may take to appear in it (a writer in another
 * process that has just appended, read over another connection) before the query answers 503.
 */
export const BEYOND_HEAD_GRACE_MS = 250;
const HEAD_POLL_MS = 25;

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

  /**
   * `waitFor`, but a position the log does not hold gets `BEYOND_HEAD_GRACE_MS` to appear in it,
   * not the whole timeout: a command answers its position after the append, so a position past
   * the head was never answered by this log (a typo, another hub's), and waiting seconds for it
   * only holds the request (issue 18 item 11).
   */
  async waitForLogged(
    name: string,
    position: GlobalPosition,
    timeoutMs: number,
    current: () => GlobalPosition | null,
    state: () => string,
    head: () => Promise<GlobalPosition | null>,
  ): Promise<void> {
    const checkpoint = current();
    if (checkpoint !== null && checkpoint >= position) return;
    const started = Date.now();
    for (;;) {
      const last = await head();
      if (last !== null && last >= position) break;
      if (Date.now() - started >= Math.min(BEYOND_HEAD_GRACE_MS, timeoutMs)) {
        throw new ProjectionLaggingError(
          name,
          position.toString(),
          current()?.toString() ?? null,
          state(),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, HEAD_POLL_MS));
    }
    const left = Math.max(0, timeoutMs - (Date.now() - started));
    return this.waitFor(name, position, left, current, state);
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
