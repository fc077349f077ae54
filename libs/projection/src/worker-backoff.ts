import { WorkerOptions } from './worker-options';

/**
 * How a projection worker waits and retries: a store action that fails may be a briefly
 * unavailable store, so it is tried again after a doubling delay, up to `maxAttempts`; a stop
 * cuts any wait short.
 */
export class WorkerBackoff {
  constructor(
    private readonly options: Pick<WorkerOptions, 'maxAttempts' | 'retryDelayMs'>,
    /** Resolves when the worker is asked to stop. */
    private readonly stopSignal: Promise<void>,
    private readonly stopping: () => boolean,
  ) {}

  /** Waits before retry `attempt` + 1; false when the worker is stopped meanwhile. */
  async wait(attempt: number): Promise<boolean> {
    const delay = this.options.retryDelayMs * 2 ** (attempt - 1);
    await Promise.race([new Promise((resolve) => setTimeout(resolve, delay)), this.stopSignal]);
    return !this.stopping();
  }

  /**
   * `action`, retried; null once stopped, or after its last attempt failed (`giveUp` is told the
   * error and the number of attempts).
   */
  async retrying<T>(
    action: () => Promise<T>,
    giveUp: (error: unknown, attempts: number) => void,
  ): Promise<{ value: T } | null> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return { value: await action() };
      } catch (error) {
        if (attempt >= this.options.maxAttempts) {
          giveUp(error, attempt);
          return null;
        }
      }
      if (!(await this.wait(attempt))) return null;
    }
  }
}
