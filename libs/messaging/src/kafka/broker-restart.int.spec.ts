import { eventually } from '@hub/testing/eventually';
import { SqliteEventStore } from '@hub/event-store';
import { privateKafka } from '@hub/testing';
import { KafkaInboundConsumer } from './inbound-consumer';
import { createKafka } from './kafka-client';
import { ensureTopics } from './topic-setup';
import {
  CollectingLogSink,
  caseResponded,
  produce,
  uniqueName,
} from '@hub/testing/kafka/kafka-test-kit';
import { StoreAppendingHandler } from '@hub/testing/kafka/recording-handler';

// A broker of its own (not the shared one other tests use), since this test stops it.
const BROKER_PORT = 19492;

describe('KafkaInboundConsumer across a broker restart (real broker)', () => {
  const log = new CollectingLogSink();
  const broker = privateKafka(BROKER_PORT);
  const kafka = createKafka({ brokers: broker.brokers, clientId: 'hub-test', ssl: false }, log);
  const store = new SqliteEventStore(':memory:');
  const handler = new StoreAppendingHandler(store);
  const topic = uniqueName('it.restart');
  const consumer = new KafkaInboundConsumer({
    kafka,
    groupId: uniqueName('it-group'),
    topics: [{ topic }],
    handler,
    log,
    partitionsConsumedConcurrently: 2,
  });

  beforeAll(() => broker.start(), 240_000);

  afterAll(async () => {
    await consumer.stop();
    await store.close();
    broker.remove();
  });

  const batch = (prefix: string) =>
    Array.from({ length: 10 }, (_, i) => ({
      value: caseResponded(`${prefix}-${i}`),
      partition: i % 2,
    }));

  it('resumes by itself once the broker is back, losing nothing', async () => {
    await ensureTopics(kafka, [{ topic, partitions: 2, withDeadLetter: true }]);
    await consumer.start();
    await produce(kafka, topic, batch('before'));
    await eventually('the first batch handled', () => handler.calls.length >= 10);

    broker.stop();
    await eventually('the consumer to notice', () => !consumer.healthCheck().connected, 60_000);
    broker.start();

    await produce(kafka, topic, batch('after'));
    await eventually(
      'the second batch handled',
      async () => (await handler.storedMessageIds()).length >= 20,
      120_000,
    );
    const expected = [...batch('before'), ...batch('after')].map(
      (r) => JSON.parse(r.value).messageId as string,
    );
    expect((await handler.storedMessageIds()).sort()).toEqual(expected.sort());
    await eventually('connected again', () => consumer.healthCheck().connected, 60_000);
  }, 300_000);
});
