import { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { SqliteEventReads } from './sqlite-reads';

const PAGE_SIZE = 500;

/**
 * Wakes idle subscriptions: at once after a commit of this process; a commit of another process
 * on the same file is seen by `PRAGMA data_version` (it changes when another connection
 * commits), which is read every `pollIntervalMs` while a subscription waits: a few microseconds
 * from shared memory, where re-reading the log on a blind timer cost a query and a wake-up
 * later (bench:freshness, split processes).
 */
export class CommitSignal {
  private waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private seen: number;

  constructor(
    private readonly pollIntervalMs: number,
    /** SQLite's data_version on the reading connection. */
    private readonly dataVersion: () => number,
  ) {
    this.seen = dataVersion();
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
    this.stopWatching();
  }

  wait(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.add(resolve);
      this.timer ??= setInterval(() => this.look(), this.pollIntervalMs);
    });
  }

  /** Ends the watch (the store closes). */
  close(): void {
    this.notify();
  }

  private look(): void {
    let version: number;
    try {
      version = this.dataVersion();
    } catch {
      // Closed meanwhile: wake the waiters, whose next read ends their loop.
      return this.notify();
    }
    if (version === this.seen) return;
    this.seen = version;
    this.notify();
  }

  private stopWatching(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
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
