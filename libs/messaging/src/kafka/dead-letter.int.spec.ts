import { eventually } from '@hub/testing/eventually';
import { DomainError } from '@hub/domain';
import { typesOfChannel } from '../contract';
import { deadLetterTopic } from './dead-letter';
import { ensureTopics } from './topic-setup';
import {
  caseResponded,
  envelope,
  headerText,
  produce,
  readTopic,
  uniqueName,
} from '@hub/testing/kafka/kafka-test-kit';
import { StoreAppendingHandler } from '@hub/testing/kafka/recording-handler';
import { consumerSpec } from '@hub/testing/kafka/consumer-spec';

describe('KafkaInboundConsumer dead-lettering (real broker)', () => {
  const { kafka, store, consumer: consumerOf } = consumerSpec();
  const topic = uniqueName('it.delivery');
  const handler = new StoreAppendingHandler(store);

  it('sets each poison message aside with its reason and goes on with the next ones', async () => {
    await ensureTopics(kafka, [{ topic, partitions: 1, withDeadLetter: true }]);
    handler.behaviour = (message) => {
      if (message.messageId === 'refused')
        throw new DomainError('case_closed', 'The case is closed.');
    };
    await produce(kafka, topic, [
      { key: 'a', value: caseResponded('ok-1') },
      { key: 'b', value: '{"messageId":"broken",' },
      { key: 'c', value: envelope('unknown', { any: 1 }, 'InvoicePaid') },
      {
        key: 'd',
        value: envelope('wrong-topic', { email: 'a@b.c', reason: 'x' }, 'EmailSuppressed'),
      },
      { key: 'e', value: envelope('bad-payload', { caseId: 'c', respondedAt: 'yesterday' }) },
      { key: 'f', value: caseResponded('refused') },
      { key: 'g', value: caseResponded('ok-2') },
    ]);

    const consumer = consumerOf({
      groupId: uniqueName('it-group'),
      topics: [{ topic, acceptedTypes: typesOfChannel('delivery') }],
      handler,
    });
    await consumer.start();

    const dead = await readTopic(kafka, deadLetterTopic(topic), 5);
    const byKey = Object.fromEntries(
      dead.map((m) => [String(m.key), { value: String(m.value), headers: headerText(m.headers) }]),
    );
    expect(Object.keys(byKey).sort()).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(byKey.b.value).toBe('{"messageId":"broken",');
    expect(byKey.b.headers).toMatchObject({
      'x-dlq-reason': 'malformed_json',
      'x-original-topic': topic,
      'x-original-partition': '0',
      'x-original-offset': '1',
    });
    expect(byKey.b.headers['x-dlq-message']).toMatch(/JSON/);
    expect(byKey.c.headers).toMatchObject({
      'x-dlq-reason': 'unknown_type',
      'x-original-message-id': 'unknown',
    });
    expect(byKey.d.headers).toMatchObject({
      'x-dlq-reason': 'unknown_type',
      'x-original-offset': '3',
    });
    expect(byKey.e.headers).toMatchObject({
      'x-dlq-reason': 'invalid_payload',
      'x-original-message-id': 'bad-payload',
    });
    expect(byKey.e.headers['x-dlq-details']).toContain('payload.respondedAt');
    expect(byKey.f.headers).toMatchObject({
      'x-dlq-kind': 'refused',
      'x-dlq-reason': 'case_closed',
      'x-dlq-message': 'The case is closed.',
      'x-original-message-id': 'refused',
      'x-original-offset': '5',
    });

    // A call is recorded when handling starts; what it stores is asserted once it is all committed.
    await eventually('ok-2 handled', () => handler.calls.some((c) => c.messageId === 'ok-2'));
    // Everything was committed: the group has nothing left to read.
    await eventually('lag 0', async () => (await consumer.lag()).every((p) => p.lag === '0'));
    expect((await handler.storedMessageIds()).sort()).toEqual(['ok-1', 'ok-2']);
    expect(consumer.healthCheck()).toMatchObject({ connected: true, assignment: { [topic]: [0] } });
  });
});
