import { testSubjectKeys } from '@hub/testing/event-store/test-subject-keys';
import { SqliteEventStore } from '@hub/event-store';
import {
  createKafka,
  ensureTopics,
  hubTopicSpecs,
  kafkaSettingsFromEnv,
  readLag,
  silentLogSink,
} from '@hub/messaging';
import { CollectingLogSink, produce } from '@hub/testing/kafka/kafka-test-kit';
import { PrivateKafka, privateKafka } from '@hub/testing';
import { IngestRunner } from '../../../ingest/src/ingest-runner';
import { standaloneMessageHandler } from '@hub/application/inbound/standalone-handler';
import { eventually, freshKafkaEnv } from '@hub/testing/kafka/ingest-test-kit';
import { deliveries, hubDataDir, ledgerEntries, seedContracts } from './ledger-workload';

// Port of this file's own broker: stopping the shared one would pull it from under every other
// test and developer using it (and a broker started from another checkout is not ours to stop).
const BROKER_PORT = 19392;

describe('ingest with the hub handler across a broker stop and restart (private broker)', () => {
  const { dataDir, eventsFile, removeDataDir } = hubDataDir('ingest-restart-');
  let broker: PrivateKafka;
  let store: SqliteEventStore;
  let runner: IngestRunner | undefined;
  let contracts: string[] = [];

  beforeAll(async () => {
    contracts = await seedContracts(dataDir, 2);
    broker = privateKafka(BROKER_PORT);
    broker.start();
  }, 240_000);

  afterAll(async () => {
    try {
      await runner?.stop();
      await store?.close();
    } finally {
      broker?.remove();
      removeDataDir();
    }
  }, 60_000);

  it('resumes by itself once the broker is back, with every consumption recorded exactly once', async () => {
    const env = { ...freshKafkaEnv('restart', 2), KAFKA_BROKERS: broker.brokers.join(',') };
    const settings = kafkaSettingsFromEnv(env)!;
    const kafka = createKafka(
      { brokers: broker.brokers, clientId: 'restart-it', ssl: false },
      silentLogSink,
    );
    await ensureTopics(kafka, hubTopicSpecs(settings, 2));
    store = new SqliteEventStore({ file: eventsFile });
    const log = new CollectingLogSink();
    runner = new IngestRunner({
      settings,
      handler: standaloneMessageHandler(store, testSubjectKeys()),
      log,
    });
    await runner.start();
    const logged = async () => (await ledgerEntries(store, contracts)).logged.length;

    const before = deliveries('before', contracts, 600);
    await produce(kafka, settings.topics.delivery, before.records);
    await eventually('the first deliveries recorded', async () => (await logged()) >= 100);
    broker.stop();
    const atStop = await logged();
    // Down until the consumer has met the dead broker (its retries then run into the restart).
    const failures = () => log.lines.filter((line) => line.startsWith('ERROR')).length;
    await eventually('the consumer to fail against the stopped broker', () => failures() > 0);

    broker.start();
    const after = deliveries('after', contracts, 200);
    await produce(kafka, settings.topics.delivery, after.records);
    await eventually(
      'the group lag to reach 0',
      async () =>
        (await readLag(kafka, settings.groupId, [settings.topics.delivery])).every(
          (p) => p.lag === '0',
        ),
      120_000,
    );

    const { logged: ids, reversed } = await ledgerEntries(store, contracts);
    console.log(`broker stopped at ${atStop}/600 recorded`);
    expect(ids).toHaveLength(new Set(ids).size);
    expect([...ids].sort()).toEqual([...before.delivered, ...after.delivered].sort());
    expect([...reversed].sort()).toEqual([...before.reversed, ...after.reversed].sort());
    expect(atStop).toBeLessThan(600); // stopped mid-stream, not after the end
  }, 240_000);
});
