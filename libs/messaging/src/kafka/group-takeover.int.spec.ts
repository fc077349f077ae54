import { eventually } from '@hub/testing/eventually';
import { ensureTopics } from './topic-setup';
import { caseResponded, produce, uniqueName } from '@hub/testing/kafka/kafka-test-kit';
import { StoreAppendingHandler } from '@hub/testing/kafka/recording-handler';
import { consumerSpec } from '@hub/testing/kafka/consumer-spec';

describe('KafkaInboundConsumer in a group of two (real broker)', () => {
  const { kafka, store, consumer: consumerOf, stop } = consumerSpec();
  const topic = uniqueName('it.group');
  const groupId = uniqueName('it-group');
  const handlers = [new StoreAppendingHandler(store), new StoreAppendingHandler(store)];
  const consumers = handlers.map((handler) =>
    consumerOf({
      groupId,
      topics: [{ topic }],
      handler,
      partitionsConsumedConcurrently: 2,
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
    }),
  );

  const batch = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      value: caseResponded(`${prefix}-${i}`),
      partition: i % 4,
    }));
  const allCalls = () => handlers.flatMap((h) => h.calls.map((c) => c.messageId));

  it('shares the partitions, and the survivor takes over when one stops, losing and doubling nothing', async () => {
    await ensureTopics(kafka, [{ topic, partitions: 4, withDeadLetter: true }]);
    await consumers[0].start();
    await consumers[1].start();
    // Each member's view settles after its own join; wait until the two views form one split.
    const held = () => consumers.map((c) => c.healthCheck().assignment[topic] ?? []);
    await eventually('the four partitions split between both members', () => {
      const [first, second] = held();
      const union = [...first, ...second].sort();
      return first.length > 0 && second.length > 0 && union.join() === '0,1,2,3';
    });

    await produce(kafka, topic, batch('before', 40));
    await eventually('the first 40 handled', () => allCalls().length >= 40);
    expect(handlers.every((h) => h.calls.length > 0)).toBe(true);

    await stop(consumers[1]);
    await eventually(
      'the survivor holds all four partitions',
      () => (consumers[0].healthCheck().assignment[topic] ?? []).length === 4,
    );
    await produce(kafka, topic, batch('after', 40));
    await eventually('the next 40 handled', () => allCalls().length >= 80);
    // A call is recorded when handling starts; its append commits a moment later.
    await eventually(
      'the 80 handled messages stored',
      async () => (await handlers[0].storedMessageIds()).length >= 80,
    );

    const expected = [...batch('before', 40), ...batch('after', 40)].map(
      (r) => JSON.parse(r.value).messageId,
    );
    expect(allCalls().sort()).toEqual([...expected].sort());
    expect((await handlers[0].storedMessageIds()).sort()).toEqual([...expected].sort());
  });
});
