import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { HubConfig } from '@hub/runtime/config/hub-config';
import { HEALTH_CONTRIBUTORS } from '@hub/runtime/health.controller';
import { HUB_METRICS, HubMetrics } from '@hub/runtime/observability/hub-metrics';
import { KafkaNotificationPublisher, NOTIFICATION_PUBLISHER, createKafka } from '@hub/messaging';
import { INGEST_ENABLED, IngestLifecycle } from './ingest.lifecycle';
import { KafkaHealthContributor } from './kafka-health';
import { KAFKA_SETTINGS } from './kafka-settings';

const CONSUMER_LAG_SOURCE = Symbol('ConsumerLagSource');

/**
 * Kafka in the hub's process (architecture.md "ingestion"). With `KAFKA_BROKERS` set: the
 * notification publisher for `hub.notifications.v1`, and when HUB_ROLES includes `ingest` the
 * consumer of the delivery and directory topics. Without it: only the `/health` entry saying so
 * (the HTTP routes under /v1/*\/events still take inbound messages).
 */
@Global()
@Module({})
export class IngestModule {
  /** Kafka as the configuration says (`config.kafka`, read and validated by loadConfig). */
  static forRoot(config: HubConfig): DynamicModule {
    const settings = config.kafka;
    const publisher: Provider[] = settings
      ? [
          {
            provide: NOTIFICATION_PUBLISHER,
            useFactory: () =>
              new KafkaNotificationPublisher(
                createKafka({ ...settings, clientId: `${settings.clientId}-notifications` }),
                settings.topics.notifications,
              ),
          },
        ]
      : [];
    return {
      module: IngestModule,
      providers: [
        { provide: KAFKA_SETTINGS, useValue: settings },
        { provide: INGEST_ENABLED, useValue: settings !== null && config.roles.ingest },
        IngestLifecycle,
        {
          provide: HEALTH_CONTRIBUTORS,
          inject: [IngestLifecycle],
          useFactory: (lifecycle: IngestLifecycle) => [
            new KafkaHealthContributor(settings, () => lifecycle.current()),
          ],
        },
        {
          // Consumer lag per partition for /metrics, while this process consumes.
          provide: CONSUMER_LAG_SOURCE,
          inject: [IngestLifecycle, { token: HUB_METRICS, optional: true }],
          useFactory: (lifecycle: IngestLifecycle, metrics?: HubMetrics) =>
            metrics?.registerLagSources({
              consumers: async () => {
                const runner = lifecycle.current();
                if (!runner) return [];
                return (await runner.consumer.lag()).map((p) => ({
                  topic: p.topic,
                  partition: p.partition,
                  messages: Number(p.lag),
                }));
              },
            }),
        },
        ...publisher,
      ],
      exports: [KAFKA_SETTINGS, HEALTH_CONTRIBUTORS, ...(settings ? [NOTIFICATION_PUBLISHER] : [])],
    };
  }
}
