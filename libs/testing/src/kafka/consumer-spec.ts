import { SqliteEventStore } from '@hub/event-store';
import { KafkaInboundConsumer } from '@hub/messaging/kafka/inbound-consumer';
import { CollectingLogSink, testKafka } from './kafka-test-kit';

type ConsumerOptions = ConstructorParameters<typeof KafkaInboundConsumer>[0];

/**
 * The frame of a consumer spec on the real broker: a log that collects warnings, a client, an
 * in-memory event store, and the consumers the block creates through `consumer`, each stopped
 * (unless the test stopped it) and the store closed after the block.
 */
export function consumerSpec() {
  const log = new CollectingLogSink();
  const kafka = testKafka(log);
  const store = new SqliteEventStore(':memory:');
  const created: KafkaInboundConsumer[] = [];
  const stopped = new Set<KafkaInboundConsumer>();
  afterAll(async () => {
    for (const consumer of created) if (!stopped.has(consumer)) await consumer.stop();
    await store.close();
  });
  return {
    log,
    kafka,
    store,
    /** A consumer on this block's client and log (not started). */
    consumer(options: Omit<ConsumerOptions, 'kafka' | 'log'>): KafkaInboundConsumer {
      const consumer = new KafkaInboundConsumer({ kafka, log, ...options });
      created.push(consumer);
      return consumer;
    },
    /** Stops a consumer before the block ends (a member leaving its group). */
    async stop(consumer: KafkaInboundConsumer): Promise<void> {
      stopped.add(consumer);
      await consumer.stop();
    },
  };
}
