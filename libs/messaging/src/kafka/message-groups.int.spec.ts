import { eventually } from '@hub/testing/eventually';
import { DomainError } from '@hub/domain';
import { InboundMessage } from '../contract';
import { MessageContext } from '../message-handler.port';
import { deadLetterTopic } from './dead-letter';
import { ensureTopics } from './topic-setup';
import {
  caseResponded,
  headerText,
  produce,
  readTopic,
  uniqueName,
} from '@hub/testing/kafka/kafka-test-kit';
import { StoreAppendingHandler } from '@hub/testing/kafka/recording-handler';
import { consumerSpec } from '@hub/testing/kafka/consumer-spec';

const caseOf = (message: InboundMessage) =>
  message.type === 'CaseFirstResponded' ? message.payload.caseId : message.messageId;

/** Groups messages by case: each group is one call, handled in order, refusing `refused-*`. */
class GroupingHandler extends StoreAppendingHandler {
  readonly groups: string[][] = [];

  orderingKeys(message: InboundMessage): string[] {
    return [caseOf(message)];
  }

  groupKey(message: InboundMessage): string {
    return caseOf(message);
  }

  async handleGroup(
    messages: readonly InboundMessage[],
    contexts: readonly MessageContext[],
  ): Promise<(Error | null)[]> {
    this.groups.push(messages.map((m) => m.messageId));
    const outcomes: (Error | null)[] = [];
    for (const [i, message] of messages.entries()) {
      try {
        await this.handle(message, contexts[i]);
        outcomes.push(null);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push(error);
      }
    }
    return outcomes;
  }
}

describe('KafkaInboundConsumer with a grouping handler (real broker)', () => {
  const { kafka, store, consumer: consumerOf } = consumerSpec();
  const topic = uniqueName('it.groups');
  const handler = new GroupingHandler(store);

  it('hands runs of one key over in one call, in partition order, dead-lettering a refused one alone', async () => {
    await ensureTopics(kafka, [{ topic, partitions: 1, withDeadLetter: true }]);
    handler.behaviour = (message) => {
      if (message.messageId.startsWith('refused'))
        throw new DomainError('case_closed', 'The case is closed.');
    };
    // Two cases interleaved, a refusal inside case a's run, and a transient failure in case b's.
    const ids = Array.from({ length: 40 }, (_, i) => ({
      id: i === 17 ? 'refused-17' : `m-${i}`,
      caseId: i % 3 === 0 ? 'case-b' : 'case-a',
    }));
    let outages = 1;
    const refuse = handler.behaviour;
    handler.behaviour = (message) => {
      if (message.messageId === 'm-21' && outages-- > 0) throw new Error('store unavailable');
      refuse(message);
    };
    await produce(
      kafka,
      topic,
      ids.map(({ id, caseId }) => ({ key: 'k', value: caseResponded(id, caseId) })),
    );
    const consumer = consumerOf({
      groupId: uniqueName('it-group'),
      topics: [{ topic }],
      handler,
      messagesPerGroup: 8,
      retry: { initialMs: 10, maxMs: 50 },
    });
    await consumer.start();

    const [dead] = await readTopic(kafka, deadLetterTopic(topic), 1);
    expect(headerText(dead.headers)).toMatchObject({
      'x-dlq-reason': 'case_closed',
      'x-original-message-id': 'refused-17',
      'x-original-offset': '17',
    });
    await eventually('lag 0', async () => (await consumer.lag()).every((p) => p.lag === '0'));

    const accepted = ids.map(({ id }) => id).filter((id) => id !== 'refused-17');
    const stored = await handler.storedMessageIds();
    expect([...stored].sort()).toEqual([...accepted].sort());
    // Each case's messages took effect in partition order.
    for (const caseId of ['case-a', 'case-b']) {
      const ofCase = new Set(ids.filter((m) => m.caseId === caseId).map((m) => m.id));
      expect(stored.filter((id) => ofCase.has(id))).toEqual(
        accepted.filter((id) => ofCase.has(id)),
      );
    }
    expect(handler.groups.some((group) => group.length > 1)).toBe(true);
    expect(Math.max(...handler.groups.map((group) => group.length))).toBeLessThanOrEqual(8);
    // The group that failed as a whole was handed over again, whole.
    const withOutage = handler.groups.filter((group) => group.includes('m-21'));
    expect(withOutage).toHaveLength(2);
    expect(withOutage[0]).toEqual(withOutage[1]);
  });
});
