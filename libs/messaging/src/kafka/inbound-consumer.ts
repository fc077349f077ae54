import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { InboundMessageType, parseEnvelope } from '../contract';
import { MessageHandler } from '../message-handler.port';
import { BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import { DeadLetterCause, deadLetterRecord, deadLetterTopic } from './dead-letter';
import { classifyHandlerError } from './error-classification';
import { ConsumerHealth, ConsumerHealthTracker, PartitionLag, readLag } from './consumer-health';
import { KafkaLogSink, stderrLogSink } from './kafka-log';
import { CommitPolicy, DEFAULT_COMMIT_POLICY, PendingCommits } from './pending-commits';
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
 * a broker round trip each and capped ingestion at ~150 messages/s. The messages of a batch are
 * handled one after the other; each is resolved only once the handler resolved or it is in the
 * DLQ, and the resolved offsets are committed every `commit.everyMessages` messages or
 * `commit.everyMs`, and at the end of the batch. A transient failure is retried in place, with
 * capped backoff and heartbeats, so the partition never moves past it and later messages of that
 * partition wait; other partitions go on when `partitionsConsumedConcurrently` > 1. A stop or a
 * rebalance ends the batch after the message in hand, committing what was handled and nothing
 * else. A crash therefore redelivers at most the messages handled since the last commit, which the
 * handler de-duplicates by `messageId`.
 */
export class KafkaInboundConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly log: KafkaLogSink;
  private readonly retrier: InPlaceRetrier;
  private readonly commitPolicy: CommitPolicy;
  private readonly accepted = new Map<string, readonly InboundMessageType[] | undefined>();
  private readonly health: ConsumerHealthTracker;
  private stopping = false;

  constructor(private readonly options: InboundConsumerOptions) {
    this.log = options.log ?? stderrLogSink;
    this.retrier = new InPlaceRetrier(options.retry ?? DEFAULT_BACKOFF, this.log);
    this.commitPolicy = options.commit ?? DEFAULT_COMMIT_POLICY;
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
    try {
      for (const message of batch.messages) {
        // A stop or a seek/rebalance ends the batch here: the rest stays unresolved and uncommitted.
        if (this.stopping || !isRunning() || isStale()) break;
        await this.onMessage(topic, partition, message, heartbeat, commits);
        resolveOffset(message.offset);
        commits.handled(message.offset);
        await commits.commitIfDue();
        await heartbeat(); // kafkajs sends one only when the heartbeat interval has passed
      }
    } finally {
      // Also on the way out of an error (a rebalance seen by a heartbeat, a stop during backoff):
      // what was handled is committed; the message in hand never is.
      await this.commitQuietly(commits);
    }
  }

  private async onMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    commits: PendingCommits,
  ): Promise<void> {
    const source = `kafka:${topic}/${partition}/${message.offset}`;
    const waiting = { heartbeat, tick: () => this.commitIfDue(commits) };
    await this.retrier.untilDone(
      source,
      async () => {
        const parsed = parseEnvelope(message.value, { acceptedTypes: this.accepted.get(topic) });
        if (!parsed.ok) {
          const { reason, message: text, details } = parsed;
          return this.deadLetter(topic, partition, message, {
            kind: 'invalid_message',
            reason,
            message: text,
            details,
          });
        }
        try {
          await this.options.handler.handle(parsed.message, { source });
        } catch (error) {
          const disposition = classifyHandlerError(error);
          if (disposition.kind === 'retry') throw error;
          const details = (error as { details?: Record<string, unknown> }).details;
          await this.deadLetter(topic, partition, message, {
            kind: 'refused',
            reason: disposition.reason,
            message: disposition.message,
            details,
            messageId: parsed.message.messageId,
          });
        }
      },
      waiting,
    );
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
