import { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { SqliteEventReads } from './sqlite-reads';

const PAGE_SIZE = 500;

/**
 * Wakes idle subscriptions: at once after a commit of this process, or after the poll
 * interval at the latest, which is how commits of other processes on the same file are seen.
 */
export class CommitSignal {
  private waiters = new Set<() => void>();

  constructor(private readonly pollIntervalMs: number) {}

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  wait(): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      this.waiters.add(wake);
    });
  }
}

/**
 * Catch-up and live are one loop reading pages strictly after the last delivered position:
 * commits are serialised and positions assigned in commit order, so the switch from catching
 * up to live can neither skip nor repeat an event.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private last: bigint;

  constructor(
    private readonly reads: SqliteEventReads,
    private readonly signal: CommitSignal,
    private readonly options: SubscribeOptions,
    private readonly onClose: (subscription: SqliteSubscription) => void,
  ) {
    this.last = options.fromPosition ?? 0n;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    try {
      while (!this.closed) {
        // Head first: a short page read after it proves that nothing up to the head is left
        // to match, so a filtered subscription need not rescan those events on every wake-up.
        const head = this.reads.headPosition() ?? 0n;
        const page = this.reads.readAfter(this.last, PAGE_SIZE, this.options.filter);
        for (const event of page) {
          if (this.closed) return;
          this.last = event.position;
          yield event;
        }
        if (page.length < PAGE_SIZE && head > this.last) this.last = head;
        // Wait only right after an empty read (no await in between), so no commit's
        // notification can fall between the read and the wait.
        if (page.length === 0 && !this.closed) await this.signal.wait();
      }
    } finally {
      this.closed = true;
      this.onClose(this);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    // Wake the loop so a consumer awaiting the next event sees the end of the iteration.
    this.signal.notify();
  }
}
