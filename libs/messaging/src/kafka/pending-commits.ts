import { OffsetsByTopicPartition } from 'kafkajs';

/** How often the handled offsets of a partition are committed inside a batch (and always at its end). */
export interface CommitPolicy {
  /** Commit once this many messages were handled since the last commit. */
  everyMessages: number;
  /** Commit once this long passed since the last commit, whatever the count. */
  everyMs: number;
}

export const DEFAULT_COMMIT_POLICY: CommitPolicy = { everyMessages: 500, everyMs: 1_000 };

/** Commits explicit offsets (kafkajs's `commitOffsetsIfNecessary(offsets)` of the batch). */
export type CommitOffsets = (offsets: OffsetsByTopicPartition) => Promise<void>;

/**
 * The offsets of one partition handled but not yet committed. Only `handled` moves the mark, and
 * the caller calls it after the message's effect is recorded or dead-lettered, so a commit never
 * covers a message in hand. Batching commits is safe because a redelivery is idempotent: a crash
 * replays at most the messages handled since the last commit.
 */
export class PendingCommits {
  /** The next offset to read, Kafka's convention for a committed offset (null: nothing pending). */
  private next: string | null = null;
  private count = 0;
  private lastCommitAt: number;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly policy: CommitPolicy,
    private readonly commit: CommitOffsets,
    private readonly clock: () => number = Date.now,
  ) {
    this.lastCommitAt = clock();
  }

  /** Marks `offset` as done: its effect is recorded or it is in the DLQ. */
  handled(offset: string): void {
    this.next = (BigInt(offset) + 1n).toString();
    this.count += 1;
  }

  /** Whether the policy asks for a commit now. */
  due(): boolean {
    if (this.next === null) return false;
    return (
      this.count >= this.policy.everyMessages ||
      this.clock() - this.lastCommitAt >= this.policy.everyMs
    );
  }

  async commitIfDue(): Promise<void> {
    if (this.due()) await this.flush();
  }

  /** Commits what is pending now (no-op when nothing is). */
  async flush(): Promise<void> {
    const offset = this.next;
    if (offset === null) return;
    const { topic, partition } = this;
    await this.commit({ topics: [{ topic, partitions: [{ partition, offset }] }] });
    // Something handled while the commit was in flight stays pending for the next one.
    if (this.next === offset) {
      this.next = null;
      this.count = 0;
    }
    this.lastCommitAt = this.clock();
  }
}
