import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import {
  KafkaLogSink,
  KafkaSettings,
  NOTIFICATION_PUBLISHER,
  NotificationPublisher,
} from '@hub/messaging';
import { HubMessageHandler } from '@hub/application/inbound/hub-message-handler';
import { IngestRunner } from './ingest-runner';
import { KAFKA_SETTINGS } from './kafka-settings';

/** Kafka warnings into the application's log. */
function nestLogSink(logger: Logger): KafkaLogSink {
  return {
    warn: (fields, message) => logger.warn(`${message} ${JSON.stringify(fields)}`),
    error: (fields, message) => logger.error(`${message} ${JSON.stringify(fields)}`),
  };
}

/** Whether this process consumes: set by `IngestModule.forRoot` from Kafka settings and HUB_ROLES. */
export const INGEST_ENABLED = Symbol('IngestEnabled');

/**
 * Starts the consumer once the app is up and stops it before the stores close: the message in
 * hand is finished and committed (or left uncommitted for redelivery), never half-recorded.
 */
@Injectable()
export class IngestLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Ingest');
  private runner: IngestRunner | null = null;

  constructor(
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings | null,
    @Inject(INGEST_ENABLED) private readonly enabled: boolean,
    private readonly handler: HubMessageHandler,
    @Optional()
    @Inject(NOTIFICATION_PUBLISHER)
    private readonly publisher?: NotificationPublisher,
  ) {}

  /** The running consumer, or null when ingestion is off here. */
  current(): IngestRunner | null {
    return this.runner;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled || this.settings === null) return;
    const runner = new IngestRunner({
      settings: this.settings,
      handler: this.handler,
      createTopics: true,
      log: nestLogSink(this.logger),
    });
    await runner.start();
    this.runner = runner;
    const { delivery, directory } = this.settings.topics;
    this.logger.log(`consuming ${delivery} and ${directory} as group ${this.settings.groupId}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    await runner?.stop();
  }

  // After the outbox's last enqueue (follow-ups may still publish while the consumer stops).
  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.close();
  }
}
