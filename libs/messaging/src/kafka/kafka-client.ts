import { Kafka, SASLOptions, logLevel } from 'kafkajs';
import { KafkaSettings } from '../kafka-config';
import { KafkaLogSink, quietLogCreator, stderrLogSink } from './kafka-log';

/** The kafkajs client for the hub's settings: SASL and TLS passed through, logs quietened. */
export function createKafka(
  settings: Pick<KafkaSettings, 'brokers' | 'clientId' | 'sasl' | 'ssl'>,
  log: KafkaLogSink = stderrLogSink,
): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    ssl: settings.ssl,
    // kafkajs types SASL per mechanism; ours are all username/password mechanisms.
    sasl: settings.sasl as SASLOptions | undefined,
    logLevel: logLevel.WARN,
    logCreator: quietLogCreator(log),
    connectionTimeout: 3000,
    // A broker restart takes seconds; keep retrying for about a minute before a client gives up
    // (the consumer then restarts itself; see KafkaInboundConsumer).
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 12 },
  });
}
