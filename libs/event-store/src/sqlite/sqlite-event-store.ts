import Database from 'better-sqlite3';
import { ShuttingDownError } from '@hub/domain';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import {
  ChainHead,
  ChainRange,
  ChainVerification,
  EventLogIntegrity,
} from '../integrity/hash-chain';
import { SqliteChainVerifier } from './sqlite-chain';
import { GroupCommitStats, GroupCommitter } from './sqlite-group-commit';
import { SqliteEventReads } from './sqlite-reads';
import { SqliteEventStoreOptions, openEventDatabase } from './sqlite-schema';
import { CommitSignal, SqliteSubscription } from './sqlite-subscription';

/** How often a waiting subscription reads data_version (another process's commits). */
const DEFAULT_POLL_INTERVAL_MS = 5;

/**
 * The embedded event store: one SQLite file in WAL mode, synchronous=FULL unless asked
 * otherwise, gapless global positions, unique event ids and group commit. Every row carries a
 * hash chaining it to the row before it in the global log, written in the append's transaction:
 * `verifyChain` finds a changed, removed or inserted row anywhere, with its position.
 */
export class SqliteEventStore implements EventStore, EventLogIntegrity {
  private readonly db: Database.Database;
  private readonly writer: GroupCommitter;
  private readonly reads: SqliteEventReads;
  private readonly signal: CommitSignal;
  private readonly chain: SqliteChainVerifier;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private closed = false;

  constructor(options: SqliteEventStoreOptions | string) {
    const resolved = typeof options === 'string' ? { file: options } : options;
    this.db = openEventDatabase(resolved);
    const dataVersion = this.db.prepare('PRAGMA data_version').pluck();
    this.signal = new CommitSignal(
      resolved.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      () => dataVersion.get() as number,
    );
    this.reads = new SqliteEventReads(this.db, resolved.upcasters);
    this.writer = new GroupCommitter(
      this.db,
      (written) => {
        this.reads.heads.appended(written);
        this.signal.notify();
      },
      resolved.hashChain ?? true,
    );
    this.chain = new SqliteChainVerifier(this.db);
  }

  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.writer.append([{ stream, events, expectedRevision }]).then(([result]) => result);
  }

  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.writer.append(appends);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.reads.readStream(stream, options);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.reads.readAll(options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = new SqliteSubscription(this.reads, this.signal, options, (closed) =>
      this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<GlobalPosition | null> {
    this.assertOpen();
    return this.reads.headPosition();
  }

  verifyChain(range?: ChainRange): Promise<ChainVerification> {
    this.assertOpen();
    return this.chain.verify(range);
  }

  async chainHead(): Promise<ChainHead | null> {
    this.assertOpen();
    return this.chain.chainHead();
  }

  async countEventsAfter(position: GlobalPosition | null, limit?: number): Promise<number> {
    this.assertOpen();
    return this.reads.countAfter(position ?? -1n, limit);
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      return this.db.prepare('SELECT 1').pluck().get() === 1;
    } catch {
      return false;
    }
  }

  /** How many transactions the writer committed for how many appends (group commit at work). */
  stats(): GroupCommitStats {
    return this.writer.stats();
  }

  /** Commits queued appends, ends live subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.writer.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.signal.close();
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ShuttingDownError('SqliteEventStore');
  }
}
