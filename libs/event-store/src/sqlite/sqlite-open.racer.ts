// One of several processes opening the same SQLite files at once (run by
// sqlite-open-race.int.spec.ts): per file pair, the event store (verified) and the subject keys;
// prints for each what it found, or its error.
import { join } from 'node:path';
import { race } from '@hub/testing/process-race';
import { SubjectKeyStore } from '../personal-data/subject-keys';
import { SqliteEventStore } from './sqlite-event-store';

const MASTER_KEY = Buffer.alloc(32, 7);

void race(async (root, i) => {
  const store = new SqliteEventStore(join(root, `events-${i}.sqlite`));
  try {
    const { verified, checked } = await store.verifyChain();
    new SubjectKeyStore(join(root, `subject-keys-${i}.sqlite`), MASTER_KEY).close();
    return `verified ${verified}, ${checked} checked`;
  } finally {
    await store.close();
  }
});
