import {
  KafkaInboundConsumer,
  KafkaLogSink,
  KafkaSettings,
  MessageHandler,
  createKafka,
  ensureTopics,
  hubTopicSpecs,
  stderrLogSink,
  typesOfChannel,
} from '@hub/messaging';
import { Kafka } from 'kafkajs';

export interface IngestRunnerOptions {
  settings: KafkaSettings;
  handler: MessageHandler;
  log?: KafkaLogSink;
  /** Create missing topics and DLQs at start (local and test set-ups; production pre-creates). */
  createTopics?: boolean;
  /** Partitions per topic when creating them. */
  partitions?: number;
  /** kafkajs group timings (defaults 30 s / 3 s); tests shorten them so a dead member's partitions move quickly. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
}

/**
 * The ingest app: one consumer group reading the delivery and directory topics, each accepting
 * only its own message types (a directory fact on the delivery topic is dead-lettered).
 */
export class IngestRunner {
  readonly kafka: Kafka;
  readonly consumer: KafkaInboundConsumer;

  constructor(private readonly options: IngestRunnerOptions) {
    const log = options.log ?? stderrLogSink;
    this.kafka = createKafka(options.settings, log);
    const { topics, groupId, partitionsConsumedConcurrently } = options.settings;
    this.consumer = new KafkaInboundConsumer({
      kafka: this.kafka,
      groupId,
      topics: [
        { topic: topics.delivery, acceptedTypes: typesOfChannel('delivery') },
        { topic: topics.directory, acceptedTypes: typesOfChannel('directory') },
      ],
      handler: options.handler,
      partitionsConsumedConcurrently,
      log,
      sessionTimeoutMs: options.sessionTimeoutMs,
      heartbeatIntervalMs: options.heartbeatIntervalMs,
    });
  }

  async start(): Promise<void> {
    if (this.options.createTopics) {
      await ensureTopics(
        this.kafka,
        hubTopicSpecs(this.options.settings, this.options.partitions ?? 3),
      );
    }
    await this.consumer.start();
  }

  /** Finishes the message in hand, commits it, disconnects. */
  stop(): Promise<void> {
    return this.consumer.stop();
  }
}
