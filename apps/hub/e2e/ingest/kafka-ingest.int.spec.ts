import { Kafka } from 'kafkajs';
import { deadLetterTopic } from '@hub/messaging';
import { Fixtures } from '../hub.fixtures';
import { TestHub } from '../test-hub';
import { NotificationOutbox } from '@hub/application/notifications/notification-outbox';
import { headerText, produce, readTopic } from '@hub/testing/kafka/kafka-test-kit';
import { IngestLifecycle } from '../../../ingest/src/ingest.lifecycle';
import {
  brokerKafka,
  consumptionDelivered,
  deliveryEnvelope,
  eventually,
  freshKafkaEnv,
} from '@hub/testing/kafka/ingest-test-kit';

// The hub as `npm start` runs it (HUB_ROLES api,ingest), on fresh topics of the real broker.
describe('Kafka ingestion into the hub (real broker, real handler, SQLite store)', () => {
  const env = freshKafkaEnv('ingest');
  let hub: TestHub;
  let f: Fixtures;
  let kafka: Kafka;
  let contractId: string;

  beforeAll(async () => {
    hub = await TestHub.start({ HUB_ROLES: 'api,ingest', ...env });
    f = new Fixtures(hub);
    contractId = await f.addContract((await f.customer()).agreementId);
    kafka = brokerKafka();
  }, 60_000);

  afterAll(() => hub?.stop());

  const runner = () => {
    const current = hub.app.get(IngestLifecycle).current();
    if (!current) throw new Error('ingest is not running');
    return current;
  };
  const caughtUp = async () => (await runner().consumer.lag()).every((p) => p.lag === '0');
  const ledger = async () => hub.events.readStream(`ledger-${contractId}`);

  it('reports the consumer on /health', async () => {
    // "consuming" comes before the group's partitions are assigned: wait for the assignment, as
    // /health reports it, instead of asserting right after the consumer joins (failed on a fresh
    // machine with `assignment: {}`).
    const health = await eventually('the consumer to be assigned its partitions', async () => {
      const answer = await hub.call('GET', '/health');
      const assigned = answer.body.details?.kafka?.assignment?.[env.KAFKA_DELIVERY_TOPIC];
      return assigned?.length === 3 ? answer : undefined;
    });
    expect(health.status).toBe(200);
    expect(health.body.details.kafka).toMatchObject({
      status: 'up',
      state: 'consuming',
      groupId: env.KAFKA_GROUP_ID,
      assignment: { [env.KAFKA_DELIVERY_TOPIC]: [0, 1, 2] },
    });
  });

  it('counts a message delivered twice, and one consumptionId in two messages, once; a reversal nets out', async () => {
    const key = contractId; // a consumption and its reversal travel in order on one partition
    const records = [
      consumptionDelivered('m-1', contractId, 'c-1'),
      consumptionDelivered('m-1', contractId, 'c-1'),
      consumptionDelivered('m-2', contractId, 'c-1'),
      consumptionDelivered('m-3', contractId, 'c-2'),
      deliveryEnvelope('m-4', 'ConsumptionReversed', { consumptionId: 'c-2', reason: 'wrong' }),
    ].map((value) => ({ key, value }));
    await produce(kafka, env.KAFKA_DELIVERY_TOPIC, records);
    await eventually('the group to catch up', caughtUp);

    const events = await ledger();
    const logged = events.filter((e) => e.type === 'ConsumptionLogged');
    expect(logged.map((e) => e.data.consumptionId)).toEqual(['c-1', 'c-2']);
    const reversed = events.filter((e) => e.type === 'ConsumptionReversed');
    expect(reversed.map((e) => e.data.consumptionId)).toEqual(['c-2']);
    expect(logged[0].metadata.source).toMatch(
      new RegExp(`^kafka:${env.KAFKA_DELIVERY_TOPIC.replace(/\./g, '\\.')}/\\d+/\\d+$`),
    );
    expect(logged[0].metadata.actor).toEqual({ service: 'delivery-service' });
  });

  it('dead-letters each kind of poison message with its reason, a reused message id too, and goes on with the next', async () => {
    const key = `poison-${contractId}`;
    const poison = [
      '{ not json',
      deliveryEnvelope('p-2', 'CaseExploded', { caseId: 'x' }),
      deliveryEnvelope('p-3', 'ConsumptionReversed', { consumptionId: 'c-1' }),
      consumptionDelivered('p-4', contractId, 'c-benefit', 'webcasts'),
      deliveryEnvelope('p-5', 'EmailSuppressed', { email: 'a@b.example', reason: 'x' }),
      // m-3 named another consumption above: an id names one fact, never acknowledged and dropped.
      consumptionDelivered('m-3', contractId, 'c-other'),
    ];
    const after = consumptionDelivered('p-6', contractId, 'c-after');
    await produce(
      kafka,
      env.KAFKA_DELIVERY_TOPIC,
      [...poison, after].map((value) => ({ key, value })),
    );
    await eventually('the group to catch up', caughtUp);

    const dead = await readTopic(kafka, deadLetterTopic(env.KAFKA_DELIVERY_TOPIC), poison.length);
    const reasons = dead.map((m) => headerText(m.headers)['x-dlq-reason']);
    expect(reasons).toEqual([
      'malformed_json',
      'unknown_type',
      'invalid_payload',
      'benefit_not_consumable',
      'unknown_type',
      'message_id_reused',
    ]);
    expect(dead.map((m) => String(m.value))).toEqual(poison);
    const ids = (await ledger()).filter((e) => e.type === 'ConsumptionLogged');
    expect(ids.map((e) => e.data.consumptionId)).toContain('c-after');
    expect(ids.map((e) => e.data.consumptionId)).not.toContain('c-benefit');
    expect(ids.map((e) => e.data.consumptionId)).not.toContain('c-other');
  });

  it('publishes outbox notifications to the notifications topic', async () => {
    await hub.app.get(NotificationOutbox).enqueue({
      id: 'n-1',
      kind: 'invitation',
      to: 'someone@contoso.example',
      subject: 'You are invited',
      data: { workspaceId: 'w-1' },
      createdAt: '2026-03-02T10:00:00Z',
    });
    // The set-up's invitations were published before it, in the outbox's order.
    const published = await readTopic(kafka, env.KAFKA_NOTIFICATIONS_TOPIC, 2);
    const ids = published.map((m) => JSON.parse(String(m.value)).id);
    expect(ids).toContain('n-1');
  });
});
