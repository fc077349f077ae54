// End-to-end Kafka ingestion with the hub's real handler on the embedded SQLite event store,
// against a baseline consumer that reads and commits the same topic the same way (the same
// KafkaInboundConsumer: eachBatch, offsets committed every 500 messages / 1 s and at each batch's
// end, one partition per worker) with a handler that does nothing.
// `npm run bench:ingest [-- --messages N --contracts N --partitions N --synchronous-normal]`.
// Needs the local broker (bash infra/local/up.sh). Seeding goes through the real HTTP routes.
import { testSubjectKeys } from '@hub/testing/event-store/test-subject-keys';
import 'reflect-metadata';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners } from 'kafkajs';
import {
  PersonalDataCodec,
  PersonalDataEventStore,
  SqliteEventStore,
  SubjectKeyStore,
} from '@hub/event-store';
import { ERASED, PERSONAL_DATA } from '@hub/domain';
import {
  KafkaInboundConsumer,
  KafkaSettings,
  MessageHandler,
  createKafka,
  ensureTopics,
  readLag,
  silentLogSink,
} from '@hub/messaging';
import { kafkaBrokers } from '@hub/testing/engines';
import { Fixtures } from '../apps/hub/e2e/hub.fixtures';
import { TestHub } from '../apps/hub/e2e/test-hub';
import { IngestRunner } from '../apps/ingest/src/ingest-runner';
import { standaloneMessageHandler } from '@hub/application/inbound/standalone-handler';
import { flag, nowSeconds as now, options } from './bench-args';

const {
  messages: MESSAGES,
  contracts: CONTRACTS,
  partitions: PARTITIONS,
} = options({
  messages: 200_000,
  contracts: 24,
  partitions: 6,
});
/** The hub store's durability: FULL (the default: every commit is fsynced) or NORMAL. */
const SYNCHRONOUS = flag('synchronous-normal') ? 'NORMAL' : 'FULL';

/** An agreement with several contracts, each with a large consumable line (no overage noise). */
async function seedContracts(dataDir: string): Promise<string[]> {
  // No KAFKA_* given: the seeding hub does not talk to Kafka (it would publish its invitations there).
  const hub = await TestHub.start({ DATA_DIR: dataDir, HUB_ROLES: 'api' });
  try {
    const f = new Fixtures(hub);
    const { agreementId } = await f.customer();
    const lines = [
      {
        entitlementId: 'dse-hours',
        category: 'proactive',
        service: 'Designated Support Engineering',
        unit: 'hours',
        quantity: 1_000_000,
        kind: 'consumable',
      },
    ];
    const contracts: string[] = [];
    for (let i = 0; i < CONTRACTS; i += 1) contracts.push(await f.addContract(agreementId, lines));
    return contracts;
  } finally {
    await hub.stop();
  }
}

const partitionOf = (contractIndex: number): number => contractIndex % PARTITIONS;

async function produceAll(kafka: Kafka, topic: string, contracts: string[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const chunk = 5_000;
  for (let from = 0; from < MESSAGES; from += chunk) {
    const messages = [];
    for (let i = from; i < Math.min(MESSAGES, from + chunk); i += 1) {
      const contractIndex = i % contracts.length;
      const contractId = contracts[contractIndex];
      const payload = {
        consumptionId: `bench-c-${i}`,
        contractId,
        entitlementId: 'dse-hours',
        quantity: 1.5,
        deliveredOn: '2026-03-02',
        reference: { kind: 'case', id: `case-${i % 997}` },
      };
      const value = JSON.stringify({
        messageId: `bench-m-${i}`,
        type: 'ConsumptionDelivered',
        schemaVersion: 1,
        occurredAt: '2026-03-02T10:00:00Z',
        source: 'delivery-service',
        payload,
      });
      // Keyed by contract, as a producer would, but placed round-robin by contract rather than
      // by the key's hash: with only a few dozen (random) contract ids the hash spread them
      // unevenly (1 to 10 contracts a partition), and the fullest partition set the pace, so
      // the figure moved by a third from run to run with where the ids happened to fall.
      messages.push({ key: contractId, value, partition: partitionOf(contractIndex) });
    }
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();
}

async function untilCaughtUp(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  for (;;) {
    const lags = await readLag(kafka, groupId, [topic]);
    if (lags.every((p) => p.lag === '0')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs a consumer from the topic's start until the group's lag is 0; answers seconds taken. */
async function timed(
  kafka: Kafka,
  groupId: string,
  topic: string,
  run: () => { start(): Promise<void>; stop(): Promise<void> },
): Promise<number> {
  const consumer = run();
  const started = now();
  await consumer.start();
  await untilCaughtUp(kafka, groupId, topic);
  const seconds = now() - started;
  await consumer.stop();
  return seconds;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const brokerList = kafkaBrokers();
  const kafka = createKafka({ brokers: brokerList, clientId: 'bench', ssl: false }, silentLogSink);
  const id = randomUUID().slice(0, 8);
  const topic = `bench.ingest-${id}.delivery`;
  try {
    const contracts = await seedContracts(dataDir);
    await ensureTopics(kafka, [{ topic, partitions: PARTITIONS, withDeadLetter: true }]);
    let started = now();
    await produceAll(kafka, topic, contracts);
    console.log(
      `produced ${MESSAGES} ConsumptionDelivered for ${CONTRACTS} contracts on ${PARTITIONS} partitions in ${(now() - started).toFixed(1)} s`,
    );
    const perPartition = Array.from({ length: PARTITIONS }, (_, p) =>
      contracts.reduce((n, _c, i) => n + (partitionOf(i) === p ? 1 : 0), 0),
    );
    console.log(`contracts per partition: ${perPartition.join(' ')}`);

    const noop: MessageHandler = { handle: async () => undefined };
    const baselineGroup = `bench-baseline-${id}`;
    const baseline = await timed(
      kafka,
      baselineGroup,
      topic,
      () =>
        new KafkaInboundConsumer({
          kafka,
          groupId: baselineGroup,
          topics: [{ topic }],
          handler: noop,
          partitionsConsumedConcurrently: PARTITIONS,
          log: silentLogSink,
        }),
    );
    console.log(`baseline: ${baseline.toFixed(1)} s`);

    // Two passes over the same topic, each on its own copy of the seeded log and its own
    // group: the hub as it runs (personal data sealed at the store's boundary), and the same
    // without the codec, so the ratio is what crypto-shredding costs on ingestion.
    const settingsOf = (pass: string): KafkaSettings => ({
      brokers: brokerList,
      clientId: 'bench-hub',
      groupId: `bench-hub-${pass}-${id}`,
      topics: { delivery: topic, directory: `${topic}.directory`, notifications: `${topic}.n` },
      partitionsConsumedConcurrently: PARTITIONS,
      ssl: false,
    });
    await ensureTopics(kafka, [
      { topic: settingsOf('').topics.directory, partitions: 1, withDeadLetter: true },
    ]);
    const passes: Record<string, HubPass> = {};
    // The codec's pass first: a first pass's cold start then counts against it, not for it.
    for (const pass of ['sealed', 'without codec'] as const) {
      const file = join(dataDir, `events-${pass === 'sealed' ? 'sealed' : 'plain'}.sqlite`);
      copyFileSync(join(dataDir, 'events.sqlite'), file);
      started = now();
      passes[pass] = await hubPass(
        kafka,
        topic,
        settingsOf(pass.replace(' ', '-')),
        file,
        dataDir,
        pass === 'sealed',
        contracts,
      );
      if (passes[pass].logged !== MESSAGES)
        throw new Error(`ledgers hold ${passes[pass].logged} records, expected ${MESSAGES}`);
    }
    const hub = passes.sealed.seconds;
    const { commits, appends } = passes.sealed;
    const rate = (seconds: number) => Math.round(MESSAGES / seconds);
    console.log('\n| consumer | messages | seconds | messages/s |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(
      `| baseline (read + commit, no-op handler) | ${MESSAGES} | ${baseline.toFixed(1)} | ${rate(baseline)} |`,
    );
    const plain = passes['without codec'].seconds;
    console.log(
      `| hub without the personal-data codec, synchronous=${SYNCHRONOUS} | ${MESSAGES} | ${plain.toFixed(1)} | ${rate(plain)} |`,
    );
    console.log(
      `| hub (real handler, SQLite store, synchronous=${SYNCHRONOUS}) | ${MESSAGES} | ${hub.toFixed(1)} | ${rate(hub)} |`,
    );
    console.log(
      `\nhub store: ${appends} appends in ${commits} transactions (${(appends / commits).toFixed(1)} per fsync)`,
    );
    const ratio = baseline / hub;
    console.log(`\nhub / baseline: ${(ratio * 100).toFixed(1)}% (target >= 30%)`);
    console.log(
      `crypto-shredding cost: 1 - sealed / without codec throughput: ${((1 - plain / hub) * 100).toFixed(1)}% (target <= 15%)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface HubPass {
  seconds: number;
  commits: number;
  appends: number;
  logged: number;
}

/** The hub's handler on one copy of the seeded log, with or without the personal-data codec. */
async function hubPass(
  kafka: Kafka,
  topic: string,
  settings: KafkaSettings,
  file: string,
  dataDir: string,
  sealed: boolean,
  contracts: string[],
): Promise<HubPass> {
  const engine = new SqliteEventStore({ file, synchronous: SYNCHRONOUS });
  // The seeding hub's keys (DATA_DIR/master-key, subject-keys.sqlite) open what it sealed.
  const keys = sealed
    ? new SubjectKeyStore(
        join(dataDir, 'subject-keys.sqlite'),
        Buffer.from(readFileSync(join(dataDir, 'master-key'), 'utf8').trim(), 'base64'),
      )
    : testSubjectKeys();
  const store = sealed
    ? new PersonalDataEventStore(engine, new PersonalDataCodec(PERSONAL_DATA, keys, ERASED))
    : engine;
  const seconds = await timed(
    kafka,
    settings.groupId,
    topic,
    () =>
      new IngestRunner({
        settings,
        handler: standaloneMessageHandler(store, keys),
        log: silentLogSink,
      }),
  );
  // How well the store grouped the appends: one fsync per transaction.
  const { commits, appends } = engine.stats();
  const logged = await countLogged(engine, contracts);
  await store.close();
  keys.close();
  return { seconds, commits, appends, logged };
}

async function countLogged(store: SqliteEventStore, contracts: string[]): Promise<number> {
  let count = 0;
  for (const contractId of contracts) {
    for (const event of await store.readStream(`ledger-${contractId}`)) {
      if (event.type === 'ConsumptionLogged') count += 1;
    }
  }
  return count;
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
