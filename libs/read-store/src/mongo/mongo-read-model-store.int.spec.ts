import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { mongoUrl } from '@hub/testing/engines';
import { describeReadModelStoreConformance } from '../conformance/read-model-store.conformance';
import { MongoReadModelStore } from './mongo-read-model-store';

// Runs against FerretDB 1.x started by infra/local/up.sh (no transactions, no change streams).
// A missing engine fails the suite: it is never skipped.
describeReadModelStoreConformance('MongoReadModelStore (FerretDB)', async (clock) => {
  const url = mongoUrl();
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `MongoDB-wire engine not reachable at ${url}: run \`bash infra/local/up.sh\` first (${String(error)})`,
    );
  }
  const database = `read_store_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = new MongoReadModelStore(client, { database, prefix: 'rm_', now: clock.now });
  // Another process's store: a client (connection pool) of its own on the same database.
  const anotherClient = await new MongoClient(url, { serverSelectionTimeoutMS: 5_000 }).connect();
  const another = new MongoReadModelStore(anotherClient, {
    database,
    prefix: 'rm_',
    now: clock.now,
  });
  return {
    store,
    another,
    dispose: async () => {
      await anotherClient.close();
      await client.db(database).dropDatabase();
      await client.close();
    },
  };
});
