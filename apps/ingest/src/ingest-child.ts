// Child process of the crash test: consumes with the hub's real handler into a SQLite event
// store file until killed. Usage: ingest-child.ts <events.sqlite>; KAFKA_* from the environment.
import { testSubjectKeys } from '@hub/testing/event-store/test-subject-keys';
import 'reflect-metadata';
import { SqliteEventStore } from '@hub/event-store';
import { kafkaSettingsFromEnv, silentLogSink } from '@hub/messaging';
import { IngestRunner } from './ingest-runner';
import { standaloneMessageHandler } from '@hub/application/inbound/standalone-handler';

async function main(): Promise<void> {
  const settings = kafkaSettingsFromEnv(process.env);
  if (!settings) throw new Error('KAFKA_BROKERS is not set');
  const store = new SqliteEventStore({ file: process.argv[2] });
  const runner = new IngestRunner({
    settings,
    handler: standaloneMessageHandler(store, testSubjectKeys()),
    log: silentLogSink,
    // A killed member never says goodbye: a short session hands its partitions on quickly.
    sessionTimeoutMs: 6_000,
    heartbeatIntervalMs: 500,
  });
  await runner.start();
  process.stdout.write('started\n');
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
