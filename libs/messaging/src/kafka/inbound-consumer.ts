import { Consumer, EachMessagePayload, Kafka, Partitioners, Producer } from 'kafkajs';
import { InboundMessageType, parseEnvelope } from '../contract';
import { MessageHandler } from '../message-handler.port';
import { BackoffPolicy, DEFAULT_BACKOFF, backoffDelay } from './backoff';
import { DeadLetterCause, deadLetterRecord, deadLetterTopic } from './dead-letter';
import { classifyHandlerError } from './error-classification';
import { ConsumerHealth, ConsumerHealthTracker, PartitionLag, readLag } from './consumer-health';
import { KafkaLogSink, stderrLogSink } from './kafka-log';

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
  log?: KafkaLogSink;
  /** kafkajs group timings; tests shorten them so a take-over is quick. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
}

/** Thrown out of a retry loop when the consumer is asked to stop: the message stays uncommitted. */
class ConsumerStopping extends Error {}

/**
 * Reads inbound messages in a consumer group and hands each to the `MessageHandler`.
 *
 * Commit discipline (why `eachMessage` with manual commits): autoCommit is off and the offset
 * after a message is committed only once the handler resolved or the message is in the DLQ. A
 * transient failure is retried in place, with capped backoff and heartbeats, so the partition
 * never moves past it and later messages of that partition wait; other partitions go on when
 * `partitionsConsumedConcurrently` > 1. A crash at any instant therefore redelivers at most the
 * message in hand, which the handler de-duplicates by `messageId`.
 */
export class KafkaInboundConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly log: KafkaLogSink;
  private readonly retry: BackoffPolicy;
  private readonly accepted = new Map<string, readonly InboundMessageType[] | undefined>();
  private readonly health: ConsumerHealthTracker;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(private readonly options: InboundConsumerOptions) {
    this.log = options.log ?? stderrLogSink;
    this.retry = options.retry ?? DEFAULT_BACKOFF;
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
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: (payload) => this.onMessage(payload),
    });
  }

  /** Finishes the message in hand (a retry loop gives up, uncommitted), then disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
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

  private async onMessage({
    topic,
    partition,
    message,
    heartbeat,
  }: EachMessagePayload): Promise<void> {
    const source = `kafka:${topic}/${partition}/${message.offset}`;
    await this.untilDone(source, heartbeat, async () => {
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
    });
    // The next offset to read is committed: Kafka's convention is "offset of the next message".
    const next = (BigInt(message.offset) + 1n).toString();
    await this.consumer.commitOffsets([{ topic, partition, offset: next }]);
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
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

  /** Runs `step` until it resolves, backing off between failures and heartbeating while waiting. */
  private async untilDone(
    source: string,
    heartbeat: () => Promise<void>,
    step: () => Promise<void>,
  ) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await step();
        return;
      } catch (error) {
        if (this.stopping) throw new ConsumerStopping(`stopping; ${source} left uncommitted`);
        const delay = backoffDelay(attempt, this.retry);
        this.log.warn(
          {
            source,
            attempt: attempt + 1,
            retryInMs: delay,
            error: (error as Error)?.message ?? String(error),
          },
          'transient failure; retrying the message',
        );
        await this.pause(delay, heartbeat);
      }
    }
  }

  // Waits in short slices so the group still sees us alive (a long backoff must not look like a
  // dead member) and a stop request cuts the wait short. A heartbeat that reports a rebalance
  // throws out of here: the message is left uncommitted for the partition's next owner.
  private async pause(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(500, until - Date.now()));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      await heartbeat();
    }
    if (this.stopping) throw new ConsumerStopping('stopping during backoff');
  }
}
