// One of several processes opening the same SQLite files at once (run by
// sqlite-open-race.int.spec.ts): per file pair, the event store (verified) and the subject keys;
// prints for each what it found, or its error.
import { join } from 'node:path';
import { readyToRace } from '@hub/testing/process-race';
import { SubjectKeyStore } from '../personal-data/subject-keys';
import { SqliteEventStore } from './sqlite-event-store';

const MASTER_KEY = Buffer.alloc(32, 7);

async function openBoth(root: string, i: number): Promise<string> {
  const store = new SqliteEventStore(join(root, `events-${i}.sqlite`));
  try {
    const { verified, checked } = await store.verifyChain();
    new SubjectKeyStore(join(root, `subject-keys-${i}.sqlite`), MASTER_KEY).close();
    return `verified ${verified}, ${checked} checked`;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const [root, count] = [process.argv[2], Number(process.argv[3])];
  readyToRace(root);
  const seen: string[] = [];
  for (let i = 0; i < count; i += 1)
    seen.push(await openBoth(root, i).catch((error: Error) => `error: ${error.message}`));
  process.stdout.write(JSON.stringify(seen));
}

void main();
