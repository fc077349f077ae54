import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SqliteEventStore } from '@hub/event-store';
import { KafkaInboundConsumer } from './inbound-consumer';
import { ensureTopics } from './topic-setup';
import {
  CollectingLogSink,
  caseResponded,
  produce,
  testKafka,
  uniqueName,
  waitFor,
} from './testing/kafka-test-kit';
import { StoreAppendingHandler } from './testing/recording-handler';

const kafkaScript = join(__dirname, '../../../../infra/local/kafka.sh');
const broker = (action: 'stop' | 'start') =>
  execFileSync('bash', [kafkaScript, action], { stdio: 'pipe', timeout: 240_000 });

describe('KafkaInboundConsumer across a broker restart (real broker)', () => {
  const log = new CollectingLogSink();
  const kafka = testKafka(log);
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

  afterAll(async () => {
    broker('start'); // whatever happened, leave the shared broker running for the next test
    await consumer.stop();
    await store.close();
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
    await waitFor('the first batch handled', () => handler.calls.length >= 10);

    broker('stop');
    await waitFor('the consumer to notice', () => !consumer.healthCheck().connected, 60_000);
    broker('start');

    await produce(kafka, topic, batch('after'));
    await waitFor(
      'the second batch handled',
      async () => (await handler.storedMessageIds()).length >= 20,
      120_000,
    );
    const expected = [...batch('before'), ...batch('after')].map(
      (r) => JSON.parse(r.value).messageId as string,
    );
    expect((await handler.storedMessageIds()).sort()).toEqual(expected.sort());
    await waitFor('connected again', () => consumer.healthCheck().connected, 60_000);
  }, 300_000);
});
