import { join } from 'node:path';
import { ChildProcess, spawn } from 'node:child_process';
import { SqliteEventStore } from '@hub/event-store';
import { ensureTopics, hubTopicSpecs, kafkaSettingsFromEnv, readLag } from '@hub/messaging';
import { produce } from '@hub/testing/kafka/kafka-test-kit';
import { Fixtures } from '../hub.fixtures';
import { TestHub } from '../test-hub';
import { TS_REGISTER as register, exited } from '@hub/testing/run-typescript';
import {
  brokerKafka,
  consumptionDelivered,
  eventually,
  freshKafkaEnv,
} from '@hub/testing/kafka/ingest-test-kit';
import { hubDataDir } from './ledger-workload';

const TOTAL = 2000;
const CONTRACTS = 3;
const child = join(__dirname, '..', '..', '..', 'ingest', 'src', 'ingest-child.ts');

describe('ingest killed with SIGKILL mid-stream and restarted (real broker, SQLite file)', () => {
  const { dataDir, eventsFile, removeDataDir } = hubDataDir('ingest-crash-');
  const env = freshKafkaEnv('crash', 3);
  const settings = kafkaSettingsFromEnv(env)!;
  const kafka = brokerKafka();
  const children: ChildProcess[] = [];
  const contracts: string[] = [];
  let reader: SqliteEventStore;

  const start = async (): Promise<ChildProcess> => {
    // Jest hands the spec a copy of process.env; the child gets the KAFKA_* variables explicitly.
    const proc = spawn(process.execPath, ['-r', register, child, eventsFile], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(proc);
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await eventually(
      `the child to start (${out})`,
      () => out.includes('started') || proc.exitCode !== null,
      60_000,
    );
    if (proc.exitCode !== null) throw new Error(`child exited: ${out}`);
    return proc;
  };
  const logged = async () => {
    const ids: string[] = [];
    for (const contractId of contracts) {
      for (const event of await reader.readStream(`ledger-${contractId}`)) {
        if (event.type === 'ConsumptionLogged') ids.push(String(event.data.consumptionId));
      }
    }
    return ids;
  };

  beforeAll(async () => {
    const hub = await TestHub.start({ DATA_DIR: dataDir, HUB_ROLES: 'api' });
    const f = new Fixtures(hub);
    const { agreementId } = await f.customer();
    for (let i = 0; i < CONTRACTS; i += 1) contracts.push(await f.addContract(agreementId));
    await hub.stop();
    await ensureTopics(kafka, hubTopicSpecs(settings, 3));
    reader = new SqliteEventStore({ file: eventsFile });
  }, 60_000);

  afterAll(async () => {
    for (const proc of children)
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    await reader?.close();
    removeDataDir();
  });

  it('records every produced consumption exactly once', async () => {
    const first = await start();
    const records = Array.from({ length: TOTAL }, (_, i) => {
      const contractId = contracts[i % CONTRACTS];
      return {
        key: contractId,
        value: consumptionDelivered(`crash-m-${i}`, contractId, `crash-c-${i}`),
      };
    });
    await produce(kafka, settings.topics.delivery, records);

    await eventually('a few hundred recorded', async () => (await logged()).length >= 300, 60_000);
    first.kill('SIGKILL');
    expect(await exited(first)).toBe('SIGKILL');
    const atKill = (await logged()).length;
    expect(atKill).toBeLessThan(TOTAL); // killed mid-stream, not after the end

    const restartedAt = Date.now();
    await start();
    await eventually(
      'the group lag to reach 0',
      async () =>
        (await readLag(kafka, settings.groupId, [settings.topics.delivery])).every(
          (p) => p.lag === '0',
        ),
      90_000,
    );
    const ids = await logged();
    console.log(`killed at ${atKill}/${TOTAL}, then ${Date.now() - restartedAt} ms to lag 0`);
    expect(ids.length).toBe(TOTAL);
    expect(new Set(ids).size).toBe(TOTAL);
    expect([...ids].sort()).toEqual(records.map((_, i) => `crash-c-${i}`).sort());
  }, 120_000);
});
