import { Kafka } from 'kafkajs';
import { TestHub } from '../../test-hub';
import { registerPartner, tokens } from '../../partner-cases/csp.fixtures';
import { produce } from '@hub/testing/kafka/kafka-test-kit';
import { IngestLifecycle } from '../../../../ingest/src/ingest.lifecycle';
import { brokerKafka, eventually, freshKafkaEnv } from '@hub/testing/kafka/ingest-test-kit';

const PARTNER = 'p-kafka-hd';
const RIVAL = 'p-kafka-rival';

/** A directory fact as the directory service writes it to Kafka. */
function directoryMessage(messageId: string, type: string, payload: object): string {
  return JSON.stringify({
    messageId,
    type,
    schemaVersion: 1,
    occurredAt: '2026-03-02T10:00:00Z',
    source: 'directory-service',
    payload,
  });
}

function organization(orgId: string, name: string, partnerId: string) {
  return {
    orgId,
    name,
    createdAt: '2024-02-01T08:00:00.000Z',
    domains: [{ name: `${orgId}.example`, status: 'verified' }],
    sites: [`${orgId}.meet.example`],
    orderNumbers: [`ORD-${orgId}`],
    managedByPartnerIds: [partnerId],
    administrators: [{ userId: `${orgId}-admin`, email: `admin@${orgId}.example` }],
    licences: [{ sku: 'MEETINGS', quantity: 10 }],
  };
}

function person(userId: string, orgId: string, first: string, last: string) {
  return {
    userId,
    orgId,
    email: `${first}.${last}@${orgId}.example`.toLowerCase(),
    firstName: first,
    lastName: last,
    displayName: `${first} ${last}`,
    status: 'active',
    licences: ['MEETINGS'],
    devices: [{ deviceId: `${userId}-d1`, model: 'Room Kit' }],
    features: ['recording'],
  };
}

/** An organization and one Ingrid Halvorsen of it: two messages keyed by the org, in order. */
function orgWithUser(ids: [string, string], org: ReturnType<typeof organization>, userId: string) {
  const user = person(userId, org.orgId, 'Ingrid', 'Halvorsen');
  return [
    { key: org.orgId, value: directoryMessage(ids[0], 'OrganizationUpserted', org) },
    { key: org.orgId, value: directoryMessage(ids[1], 'UserUpserted', user) },
  ];
}

// The help-desk scenario of the partner issue: directory facts arrive over the real Kafka broker,
// the hub ingests and projects them, and an agent searches only its partner's customers.
describe('Help desk fed by directory events over Kafka (real broker, whole hub)', () => {
  const env = freshKafkaEnv('helpdesk');
  let hub: TestHub;
  let kafka: Kafka;
  let agent: string;

  beforeAll(async () => {
    hub = await TestHub.start({ HUB_ROLES: 'api,projector,ingest', ...env });
    kafka = brokerKafka('helpdesk-it');
    const t = tokens(hub);
    await registerPartner(hub, PARTNER, 'indirect-provider');
    agent = t.partner(PARTNER, [], 'agent-k');
    const granted = await hub.call('POST', `/v1/partners/${PARTNER}/helpdesk-agents`, {
      token: t.partner(PARTNER, ['PartnerAdmin']),
      body: { userId: 'agent-k' },
    });
    expect(granted.status).toBe(201);
  }, 60_000);

  afterAll(() => hub?.stop());

  it('finds the managed customer’s user by domain, e-mail and display name, never another partner’s', async () => {
    await eventually('ingest to start', () => Boolean(hub.app.get(IngestLifecycle).current()));
    await produce(kafka, env.KAFKA_DIRECTORY_TOPIC, [
      ...orgWithUser(['d-1', 'd-2'], organization('fjord', 'Fjord Freight', PARTNER), 'u-ingrid'),
      ...orgWithUser(['d-3', 'd-4'], organization('skog', 'Skog Freight', RIVAL), 'u-ingrid-2'),
    ]);

    const search = async (q: string) => {
      const answer = await hub.call('GET', `/v1/helpdesk/search?q=${encodeURIComponent(q)}`, {
        token: agent,
      });
      expect(answer.status).toBe(200);
      return answer.body as { organizations: { orgId: string }[]; users: { userId: string }[] };
    };
    // Ingest and projection are asynchronous: wait until the facts have been searched into view.
    await eventually(
      'the directory facts to be searchable',
      async () => (await search('fjord.example')).users.length > 0,
    );

    for (const q of [
      'fjord.example',
      'ingrid.halvorsen@fjord.example',
      'Ingrid Halvorsen',
      'ingrid',
    ]) {
      const found = await search(q);
      expect(found.users.map((u) => u.userId)).toEqual(['u-ingrid']);
    }
    expect((await search('skog')).organizations).toEqual([]);
    const user = await hub.call('GET', '/v1/helpdesk/users/u-ingrid-2', { token: agent });
    expect(user.status).toBe(404);

    const events = await hub.events.readStream('directory-user-u-ingrid');
    expect(events[0].metadata.source).toMatch(/^kafka:it\..+\.directory\/\d+\/\d+$/);
  });
});
