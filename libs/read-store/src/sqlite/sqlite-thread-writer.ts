import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WriterReply, WriterRequest } from './sqlite-writer.thread';
import { ReadStoreDatabaseOptions, SqliteWriter, WriteStep } from './sqlite-writes';

/**
 * Writes on a connection of its own in a worker thread, so a rebuild's commits (a second or
 * more for a large window) run beside the event loop instead of blocking it: queries, health
 * checks and the other projections go on meanwhile, and a second core does the writing.
 * Writes are applied in the order they were asked for; each resolves once committed, after
 * which a read on any connection sees it (WAL).
 */
export class SqliteThreadWriter implements SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private seq = 0;
  private failure: Error | null = null;
  private closing: Promise<void> | null = null;

  constructor(options: ReadStoreDatabaseOptions) {
    this.worker = startThread(options);
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`read-store writer thread exited (${code})`)),
    );
  }

  write(steps: readonly WriteStep[]): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the read store is closed'));
    return this.request(steps);
  }

  /** Lets the writes asked for finish, then closes the thread's connection. */
  close(): Promise<void> {
    this.closing ??= this.failure
      ? Promise.resolve()
      : this.request(undefined).catch(() => undefined);
    return this.closing;
  }

  private request(steps: readonly WriteStep[] | undefined): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = (this.seq += 1);
    const done = new Promise<void>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
    // Keeps the process alive while a write is under way, and only then.
    if (this.pending.size === 1) this.worker.ref();
    this.worker.postMessage({ seq, steps } satisfies WriterRequest);
    return done;
  }

  private settle({ seq, error }: WriterReply): void {
    const waiter = this.pending.get(seq);
    this.pending.delete(seq);
    if (this.pending.size === 0) this.worker.unref();
    if (!waiter) return;
    if (!error) return waiter.resolve();
    waiter.reject(Object.assign(new Error(error.message), { name: error.name, code: error.code }));
  }

  /** The thread is gone: every write asked for, and every later one, fails with why. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(this.failure);
    this.pending.clear();
  }
}

function startThread(options: ReadStoreDatabaseOptions): Worker {
  const entry = join(__dirname, `sqlite-writer.thread${extname(__filename)}`);
  if (entry.endsWith('.js')) return new Worker(entry, { workerData: options });
  // Running from the TypeScript sources (jest): the thread loads them through the swc hook.
  const register = join(__dirname, '..', '..', '..', 'testing', 'src', 'swc-register.js');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: options,
  });
}
