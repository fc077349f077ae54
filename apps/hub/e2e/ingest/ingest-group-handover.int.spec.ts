import { testSubjectKeys } from '@hub/testing/event-store/test-subject-keys';
import { SqliteEventStore } from '@hub/event-store';
import {
  ensureTopics,
  hubTopicSpecs,
  kafkaSettingsFromEnv,
  readLag,
  silentLogSink,
} from '@hub/messaging';
import { produce } from '@hub/testing/kafka/kafka-test-kit';
import { IngestRunner } from '../../../ingest/src/ingest-runner';
import { standaloneMessageHandler } from '@hub/application/inbound/standalone-handler';
import { brokerKafka, eventually, freshKafkaEnv } from '@hub/testing/kafka/ingest-test-kit';
import {
  CountedHandler,
  deliveries,
  hubDataDir,
  ledgerEntries,
  seedContracts,
} from './ledger-workload';

const PARTITIONS = 4;

// Two ingest members of one group, each as its own process would be: its own connection to the
// SQLite file and its own hub handler (command executor, caches). One stops mid-stream.
describe('two ingest members in one group with the hub handler (real broker, SQLite file)', () => {
  const { dataDir, eventsFile, removeDataDir } = hubDataDir('ingest-group-');
  const env = freshKafkaEnv('group', PARTITIONS);
  const settings = kafkaSettingsFromEnv(env)!;
  const kafka = brokerKafka();
  const stores: SqliteEventStore[] = [];
  const members: { runner: IngestRunner; handler: CountedHandler; running: boolean }[] = [];
  let contracts: string[] = [];

  const member = () => {
    const store = new SqliteEventStore({ file: eventsFile });
    stores.push(store);
    const handler = new CountedHandler(standaloneMessageHandler(store, testSubjectKeys()));
    const runner = new IngestRunner({
      settings,
      handler,
      // A short session so the group settles quickly after each join and leave.
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      log: silentLogSink,
    });
    const entry = { runner, handler, running: false };
    members.push(entry);
    return entry;
  };
  const assigned = (index: number) =>
    members[index].runner.consumer.healthCheck().assignment[settings.topics.delivery] ?? [];
  const caughtUp = async () =>
    (await readLag(kafka, settings.groupId, [settings.topics.delivery])).every(
      (p) => p.lag === '0',
    );

  beforeAll(async () => {
    contracts = await seedContracts(dataDir, PARTITIONS);
    await ensureTopics(kafka, hubTopicSpecs(settings, PARTITIONS));
  }, 60_000);

  afterAll(async () => {
    for (const entry of members) if (entry.running) await entry.runner.stop();
    for (const store of stores) await store.close();
    removeDataDir();
  });

  it('shares the partitions, and one stopping mid-stream hands its partitions over with nothing lost or doubled', async () => {
    const [first, second] = [member(), member()];
    for (const entry of [first, second]) {
      await entry.runner.start();
      entry.running = true;
    }
    await eventually('the partitions split between both members', () => {
      const union = [...assigned(0), ...assigned(1)].sort();
      return assigned(0).length > 0 && assigned(1).length > 0 && union.join() === '0,1,2,3';
    });

    const before = deliveries('before', contracts, 2_400);
    await produce(kafka, settings.topics.delivery, before.records);
    const reader = new SqliteEventStore({ file: eventsFile });
    stores.push(reader);
    await eventually(
      'both members to have handled some',
      () => first.handler.handled > 50 && second.handler.handled > 50,
    );
    // Stopped while messages of its partitions are still in flight and unread.
    await second.runner.stop();
    second.running = false;
    const handedOver = (await ledgerEntries(reader, contracts)).logged.length;

    await eventually('the survivor to hold all four partitions', () => assigned(0).length === 4);
    const after = deliveries('after', contracts, 400);
    await produce(kafka, settings.topics.delivery, after.records);
    await eventually('the group lag to reach 0', caughtUp, 60_000);

    const { logged, reversed } = await ledgerEntries(reader, contracts);
    expect(handedOver).toBeLessThan(2_400); // the stop came mid-stream, not after the end
    expect(logged).toHaveLength(new Set(logged).size);
    expect([...logged].sort()).toEqual([...before.delivered, ...after.delivered].sort());
    expect([...reversed].sort()).toEqual([...before.reversed, ...after.reversed].sort());
  }, 90_000);
});
