import { eventually } from '@hub/testing/eventually';
import { ensureTopics } from './topic-setup';
import { caseResponded, produce, uniqueName } from '@hub/testing/kafka/kafka-test-kit';
import { StoreAppendingHandler } from '@hub/testing/kafka/recording-handler';
import { consumerSpec } from '@hub/testing/kafka/consumer-spec';

describe('KafkaInboundConsumer transient failures and redelivery (real broker)', () => {
  const { log, kafka, store, consumer: consumerOf } = consumerSpec();

  const start = async (topic: string, handler: StoreAppendingHandler) => {
    const consumer = consumerOf({
      groupId: uniqueName('it-group'),
      topics: [{ topic }],
      handler,
      partitionsConsumedConcurrently: 2,
      retry: { initialMs: 50, maxMs: 200 },
    });
    await consumer.start();
    return consumer;
  };

  it('retries a message through an outage without letting later messages of its partition pass it', async () => {
    const topic = uniqueName('it.retry');
    await ensureTopics(kafka, [{ topic, partitions: 2, withDeadLetter: true }]);
    const handler = new StoreAppendingHandler(store);
    let outage = true;
    handler.behaviour = (message) => {
      if (message.messageId === 'p0-2' && outage) throw new Error('event store unavailable');
    };
    await produce(kafka, topic, [
      ...['p0-1', 'p0-2', 'p0-3', 'p0-4'].map((id) => ({ value: caseResponded(id), partition: 0 })),
      ...['p1-1', 'p1-2', 'p1-3'].map((id) => ({ value: caseResponded(id), partition: 1 })),
    ]);
    const consumer = await start(topic, handler);

    const attempts = () => handler.calls.filter((c) => c.messageId === 'p0-2').length;
    await eventually('several failed attempts at p0-2', () => attempts() >= 3);
    // The other partition is not held up by the outage of one message.
    await eventually(
      'partition 1 done',
      () => handler.calls.filter((c) => c.partition === 1).length === 3,
    );
    expect(handler.calls.some((c) => c.messageId === 'p0-3' || c.messageId === 'p0-4')).toBe(false);

    outage = false;
    // A call is recorded when handling starts; what it stores is read once all is committed.
    await eventually('p0-4 handled', () => handler.calls.some((c) => c.messageId === 'p0-4'));
    await eventually('lag 0', async () => (await consumer.lag()).every((p) => p.lag === '0'));
    const partition0 = handler.calls.filter((c) => c.partition === 0).map((c) => c.messageId);
    const failures = attempts() - 1;
    expect(partition0).toEqual(['p0-1', ...Array(failures + 1).fill('p0-2'), 'p0-3', 'p0-4']);
    expect(log.lines.some((line) => line.includes('transient failure'))).toBe(true);
    const stored = (await handler.storedMessageIds()).filter((id) => id.startsWith('p'));
    expect(stored.sort()).toEqual(['p0-1', 'p0-2', 'p0-3', 'p0-4', 'p1-1', 'p1-2', 'p1-3']);
  });

  it('hands a redelivered message id to the handler again, and its effect is stored once', async () => {
    const topic = uniqueName('it.dup');
    await ensureTopics(kafka, [{ topic, partitions: 2, withDeadLetter: true }]);
    const handler = new StoreAppendingHandler(store);
    const produced = ['d-1', 'd-2', 'd-3', 'd-2', 'd-4', 'd-1'];
    await produce(
      kafka,
      topic,
      produced.map((id, i) => ({ value: caseResponded(id), partition: i % 2 })),
    );
    const consumer = await start(topic, handler);

    // What broke: the stored ids were read while the last delivery's append was under way.
    await eventually('all six deliveries handled', () => handler.calls.length === produced.length);
    await eventually('lag 0', async () => (await consumer.lag()).every((p) => p.lag === '0'));
    expect(handler.calls.filter((c) => c.messageId === 'd-2')).toHaveLength(2);
    const stored = (await handler.storedMessageIds()).filter((id) => id.startsWith('d-'));
    expect(stored.sort()).toEqual(['d-1', 'd-2', 'd-3', 'd-4']);
  });
});
