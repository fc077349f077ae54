import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { InboundMessageType, parseEnvelope } from '../contract';
import { MessageHandler } from '../message-handler.port';
import { BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import { DeadLetterCause, deadLetterRecord, deadLetterTopic } from './dead-letter';
import { ConsumerHealth, ConsumerHealthTracker, PartitionLag, readLag } from './consumer-health';
import { KafkaLogSink, stderrLogSink } from './kafka-log';
import { CommitPolicy, DEFAULT_COMMIT_POLICY, PendingCommits } from './pending-commits';
import { BatchEntry, NOT_HANDLED } from './batch-entries';
import { Plannable, planGroups } from './message-groups';
import { MessageOutcomes } from './message-outcomes';
import { OrderedWindow } from './ordered-window';
import { InPlaceRetrier } from './retry-in-place';

/** A topic to read and the message types allowed on it (others are dead-lettered as unknown). */
export interface InboundTopic {
  topic: string;
  acceptedTypes?: readonly InboundMessageType[];
}

export interface InboundConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: readonly InboundTopic[];
  handler: MessageHandler;
  /** Partitions handled at the same time; order is kept within each. Default 1. */
  partitionsConsumedConcurrently?: number;
  /**
   * Messages (or groups) of one partition handled at the same time, when the handler says which
   * may overlap (`orderingKeys`); default 32. A handler without it gets one message at a time.
   */
  messagesInFlightPerPartition?: number;
  /**
   * At most this many messages in one `handleGroup` call, for a handler that groups them
   * (`groupKey`); default 100.
   */
  messagesPerGroup?: number;
  /** Backoff between retries of a transiently failing message. */
  retry?: BackoffPolicy;
  /** When handled offsets are committed inside a batch (default: every 500 messages or 1 s). */
  commit?: CommitPolicy;
  log?: KafkaLogSink;
  /** kafkajs group timings; tests shorten them so a take-over is quick. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
}

/**
 * Reads inbound messages in a consumer group and hands each to the `MessageHandler`.
 *
 * Commit discipline (why `eachBatch` with manual resolve and commit): a commit per message costs
 * a broker round trip each and capped ingestion at ~150 messages/s. The messages of a batch start
 * in offset order; one overlaps those before it only when the handler's `orderingKeys` say they
 * have nothing in common (a handler without them gets one message at a time), so effects on any
 * one thing keep the partition's order while independent messages share the store's group
 * commits; messages with the handler's same `groupKey` may go in one `handleGroup` call (see
 * planGroups). Messages are finished in offset order: each is resolved only once its handler resolved
 * and every message before it is finished, a refused one only once it is in the DLQ (so the DLQ
 * keeps the partition's order too); the resolved offsets are committed every
 * `commit.everyMessages` messages or `commit.everyMs`, and at the end of the batch. A transient
 * failure is retried in place, with capped backoff and heartbeats, so the partition's committed
 * offset never moves past it and the messages after it wait; other partitions go on when
 * `partitionsConsumedConcurrently` > 1. A stop or a rebalance ends the batch after the messages
 * in hand, committing the finished prefix and nothing else. A crash therefore redelivers at most
 * the messages started since the last commit, which the handler de-duplicates by `messageId`.
 */
export class KafkaInboundConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly log: KafkaLogSink;
  private readonly retrier: InPlaceRetrier;
  private readonly outcomes: MessageOutcomes;
  private readonly commitPolicy: CommitPolicy;
  private readonly inFlightLimit: number;
  private readonly groupLimit: number;
  private readonly accepted = new Map<string, readonly InboundMessageType[] | undefined>();
  private readonly health: ConsumerHealthTracker;
  private stopping = false;

  constructor(private readonly options: InboundConsumerOptions) {
    this.log = options.log ?? stderrLogSink;
    this.retrier = new InPlaceRetrier(options.retry ?? DEFAULT_BACKOFF, this.log);
    this.outcomes = new MessageOutcomes(options.handler, this.retrier);
    this.commitPolicy = options.commit ?? DEFAULT_COMMIT_POLICY;
    this.inFlightLimit = options.messagesInFlightPerPartition ?? 32;
    this.groupLimit = options.messagesPerGroup ?? 100;
    for (const { topic, acceptedTypes } of options.topics) this.accepted.set(topic, acceptedTypes);
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
      // After kafkajs's own retries are spent (broker away for long), restart rather than die.
      retry: { restartOnFailure: async () => !this.stopping },
    });
    this.producer = options.kafka.producer({
      allowAutoTopicCreation: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.health = new ConsumerHealthTracker(this.consumer);
  }

  /** Connects, subscribes (a new group starts at the earliest offset) and starts consuming. */
  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.options.topics.map((t) => t.topic),
      fromBeginning: true,
    });
    await this.consumer.run({
      autoCommit: false,
      // Only offsets we resolve count: an unhandled tail of a batch is fetched again.
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /**
   * Finishes the message in hand (a retry loop gives up, uncommitted), commits what was handled,
   * then disconnects.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.retrier.stop();
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  healthCheck(): ConsumerHealth {
    return this.health.snapshot();
  }

  /** Committed offset, end offset and lag of every partition of the topics (one admin round trip). */
  lag(): Promise<PartitionLag[]> {
    return readLag(
      this.options.kafka,
      this.options.groupId,
      this.options.topics.map((t) => t.topic),
    );
  }

  private async onBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const commits = new PendingCommits(topic, partition, this.commitPolicy, (offsets) =>
      commitOffsetsIfNecessary(offsets),
    );
    const waiting = { heartbeat, tick: () => this.commitIfDue(commits) };
    const entries = batch.messages.map(
      (message) =>
        new BatchEntry(
          message,
          parseEnvelope(message.value, { acceptedTypes: this.accepted.get(topic) }),
          `kafka:${topic}/${partition}/${message.offset}`,
        ),
    );
    // Messages are finished (dead-lettered if refused, resolved, counted for commit) strictly in
    // offset order, whatever order their groups end in: a commit never passes one still in hand.
    let failed = false;
    const finishing = (async () => {
      for (const entry of entries) {
        const outcome = await entry.outcome;
        if (outcome === NOT_HANDLED) return;
        if (outcome) {
          const dead = () => this.deadLetter(topic, partition, entry.message, outcome);
          await this.retrier.untilDone(entry.source, dead, waiting);
        }
        resolveOffset(entry.message.offset);
        commits.handled(entry.message.offset);
        await commits.commitIfDue();
        await heartbeat(); // kafkajs sends one only when the heartbeat interval has passed
      }
    })();
    finishing.catch(() => (failed = true));
    const window = new OrderedWindow(this.inFlightLimit);
    try {
      for (const group of planGroups(
        entries.map((entry) => this.plannable(entry)),
        this.groupLimit,
      )) {
        // A stop or a seek/rebalance ends the batch here: the rest stays unresolved and uncommitted.
        if (failed || this.stopping || !isRunning() || isStale()) break;
        await window.start(group.keys, () => this.outcomes.settle(group.items, waiting));
      }
    } finally {
      // Also on the way out of an error (a rebalance seen by a heartbeat, a stop during backoff):
      // no handler of this batch runs on once it ended, and what was finished is committed; the
      // messages in hand never are.
      await window.drain();
      for (const entry of entries) entry.settle(NOT_HANDLED);
      try {
        await finishing;
      } finally {
        await this.commitQuietly(commits);
      }
    }
  }

  /** Keys and group key of a message (a malformed one overlaps anything: it is only dead-lettered). */
  private plannable(entry: BatchEntry): Plannable<BatchEntry> {
    const { handler } = this.options;
    if (!entry.parsed.ok) return { item: entry, keys: [], groupKey: null };
    const message = entry.parsed.message;
    return {
      item: entry,
      keys: handler.orderingKeys?.(message) ?? null,
      groupKey: handler.handleGroup ? (handler.groupKey?.(message) ?? null) : null,
    };
  }

  // While a message is retried, the ones handled before it are still committed on schedule.
  private async commitIfDue(commits: PendingCommits): Promise<void> {
    if (commits.due()) await this.commitQuietly(commits);
  }

  // A failed commit is not a reason to stop: the messages are redelivered and de-duplicated.
  private async commitQuietly(commits: PendingCommits): Promise<void> {
    try {
      await commits.flush();
    } catch (error) {
      this.log.warn(
        {
          topic: commits.topic,
          partition: commits.partition,
          error: (error as Error)?.message ?? String(error),
        },
        'commit failed; the handled messages will be redelivered',
      );
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    cause: DeadLetterCause,
  ): Promise<void> {
    await this.producer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [deadLetterRecord({ topic, partition, message }, cause)],
    });
    this.log.warn(
      {
        topic,
        partition,
        offset: message.offset,
        reason: cause.reason,
        dlq: deadLetterTopic(topic),
      },
      'message dead-lettered',
    );
  }
}
