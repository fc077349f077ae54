import { HealthContributor } from '@hub/runtime/health.controller';
import { KafkaSettings } from '@hub/messaging';
import { IngestRunner } from './ingest-runner';

/**
 * `/health`'s `kafka` entry: the consumer's connection and partitions when ingestion runs here;
 * up with a reason when it does not (Kafka off, or another process holds the ingest role), so
 * an operator reading /health sees why nothing is consumed.
 */
export class KafkaHealthContributor implements HealthContributor {
  readonly name = 'kafka';

  constructor(
    private readonly settings: KafkaSettings | null,
    private readonly runner: () => IngestRunner | null,
  ) {}

  async check(): Promise<{ up: boolean; details: Record<string, unknown> }> {
    if (this.settings === null) {
      return { up: true, details: { state: 'disabled: KAFKA_BROKERS not set' } };
    }
    const runner = this.runner();
    const topics = this.settings.topics;
    if (runner === null) {
      return {
        up: true,
        details: { state: 'ingest role off in this process', notifications: topics.notifications },
      };
    }
    const { connected, assignment, lastCrash } = runner.consumer.healthCheck();
    return {
      up: connected,
      details: {
        state: connected ? 'consuming' : 'disconnected',
        groupId: this.settings.groupId,
        topics: [topics.delivery, topics.directory],
        assignment,
        ...(lastCrash ? { lastCrash } : {}),
      },
    };
  }
}
