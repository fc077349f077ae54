import { testSubjectKeys } from '@hub/testing/event-store/test-subject-keys';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, NotFoundError } from '@hub/domain';
import { NO_STREAM, SqliteEventStore } from '@hub/event-store';
import { InboundMessage, MessageContext, parseEnvelope } from '@hub/messaging';
import { HubMessageHandler } from './hub-message-handler';
import { standaloneMessageHandler } from './standalone-handler';
import { consumptionDelivered, deliveryEnvelope } from '@hub/testing/kafka/ingest-test-kit';

// Grouped handling on the embedded engine: what the Kafka consumer hands to `handleGroup` for
// one ledger, decided in turn and committed in one SQLite transaction.

/** A contract as the hub records it, with 2 hours on its one consumable line. */
async function addContract(store: SqliteEventStore, contractId: string): Promise<void> {
  const data = {
    contractId,
    agreementId: 'agr-1',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    entitlements: [
      {
        entitlementId: 'dse-hours',
        category: 'reactive',
        service: 'DSE',
        unit: 'hours',
        quantity: 2,
        kind: 'consumable',
      },
    ],
    addedAt: '2026-01-01T00:00:00Z',
  };
  const metadata = {
    eventId: `contract-added-${contractId}`,
    schemaVersion: 1,
    correlationId: contractId,
    causationId: contractId,
    actor: { service: 'test' },
    source: 'test',
    occurredAt: data.addedAt,
  };
  await store.appendToStream(
    `contract-${contractId}`,
    [{ type: 'ContractAdded', data, metadata }],
    NO_STREAM,
  );
}

function message(raw: string): InboundMessage {
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.message;
}

const delivered = (messageId: string, contractId: string, consumptionId: string) =>
  message(consumptionDelivered(messageId, contractId, consumptionId));

const contextsOf = (messages: InboundMessage[]): MessageContext[] =>
  messages.map((_, offset) => ({ source: `kafka:it.delivery/0/${offset}` }));

describe('HubMessageHandler grouped deliveries (SQLite)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let handler: HubMessageHandler;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-groups-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    handler = standaloneMessageHandler(store, testSubjectKeys());
    await addContract(store, 'con-a');
    await addContract(store, 'con-b');
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const logged = async (contractId: string) =>
    (await store.readStream(`ledger-${contractId}`)).map(({ data }) => [
      data.consumptionId,
      data.overage,
    ]);

  it('keys a delivery by its ledger, and any other message by nothing', () => {
    expect(handler.groupKey(delivered('m-1', 'con-a', 'c-1'))).toBe('ledger-con-a');
    const reversal = deliveryEnvelope('m-2', 'ConsumptionReversed', {
      consumptionId: 'c-1',
      reason: 'reported twice',
    });
    expect(handler.groupKey(message(reversal))).toBeNull();
  });

  it('logs a group in turn with one transaction, a consumption id once, refusing an unknown contract alone', async () => {
    const messages = [
      delivered('m-1', 'con-a', 'c-1'),
      delivered('m-2', 'con-a', 'c-2'),
      delivered('m-3', 'con-a', 'c-1'), // the same consumption under another message id
      delivered('m-4', 'con-unknown', 'c-4'),
      delivered('m-5', 'con-a', 'c-5'),
    ];
    const head = (await store.headPosition())!;
    const before = store.stats();

    const answers = await handler.handleGroup(messages, contextsOf(messages));

    expect(answers.map((answer) => answer === null)).toEqual([true, true, true, false, true]);
    expect(answers[3]).toBeInstanceOf(NotFoundError);
    expect((answers[3] as NotFoundError).code).toBe('contract_not_found');
    // 2 hours on the line: the third distinct hour, decided on the two before it, is overage.
    expect(await logged('con-a')).toEqual([
      ['c-1', 0],
      ['c-2', 0],
      ['c-5', 1],
    ]);
    expect(await store.readStream('id-consumption-c-4')).toEqual([]);
    const after = store.stats();
    expect([after.commits - before.commits, after.appends - before.appends]).toEqual([1, 1]);
    // One transaction, gapless: the id claims (each message id's for its payload, not the
    // refused one's; each consumption id's), in the store's stream order, then the ledger.
    const appended = await store.readAll({ fromPosition: (head + 1n) as typeof head });
    expect(appended.map(({ streamName }) => streamName)).toEqual([
      'id-message-m-1',
      'id-message-m-2',
      'id-consumption-c-2',
      'id-message-m-3',
      'id-consumption-c-1',
      'id-message-m-5',
      'id-consumption-c-5',
      'ledger-con-a',
      'ledger-con-a',
      'ledger-con-a',
    ]);
    expect(appended.map(({ position }) => position - head)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(BigInt),
    );
  });

  it('appends nothing when the whole group is delivered again, to this process or a fresh one', async () => {
    const messages = [delivered('m-1', 'con-a', 'c-1'), delivered('m-2', 'con-a', 'c-2')];
    await handler.handleGroup(messages, contextsOf(messages));
    const head = await store.headPosition();

    expect(await handler.handleGroup(messages, contextsOf(messages))).toEqual([null, null]);
    const restarted = standaloneMessageHandler(store, testSubjectKeys());
    expect(await restarted.handleGroup(messages, contextsOf(messages))).toEqual([null, null]);

    expect(await store.headPosition()).toBe(head);
    expect(await logged('con-a')).toEqual([
      ['c-1', 0],
      ['c-2', 0],
    ]);
  });

  it('a reused message id with another payload is refused (message_id_reused), appending nothing', async () => {
    await handler.handleGroup([delivered('m-1', 'con-a', 'c-1')], contextsOf([0 as never]));
    const head = await store.headPosition();
    const reused = [delivered('m-1', 'con-a', 'c-9')];
    const [answer] = await handler.handleGroup(reused, contextsOf(reused));
    expect(answer).toBeInstanceOf(DomainError);
    expect((answer as DomainError).code).toBe('message_id_reused');
    await expect(handler.record(reused[0], { source: 'http' })).rejects.toMatchObject({
      code: 'message_id_reused',
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a consumption id another ledger claimed, in the same group, and only that delivery', async () => {
    const messages = [
      delivered('m-1', 'con-a', 'c-1'),
      delivered('m-2', 'con-b', 'c-1'),
      delivered('m-3', 'con-b', 'c-3'),
    ];
    const answers = await handler.handleGroup(messages, contextsOf(messages));
    expect(answers[1]).toBeInstanceOf(DomainError);
    expect((answers[1] as DomainError).code).toBe('consumption_id_conflict');
    expect([answers[0], answers[2]]).toEqual([null, null]);
    expect(await logged('con-b')).toEqual([['c-3', 0]]);
  });

  it('throws, recording nothing, when handed a message that is not a delivery', async () => {
    const reversal = message(
      deliveryEnvelope('m-9', 'ConsumptionReversed', { consumptionId: 'c-1', reason: 'x' }),
    );
    const messages = [delivered('m-1', 'con-a', 'c-1'), reversal];
    await expect(handler.handleGroup(messages, contextsOf(messages))).rejects.toThrow(
      /ConsumptionDelivered only/,
    );
    expect(await store.readStream('ledger-con-a')).toEqual([]);
  });
});
