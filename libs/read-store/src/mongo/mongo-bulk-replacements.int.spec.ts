import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { mongoUrl } from '@hub/testing/engines';
import { DocumentChange } from '../read-model-store.port';
import { MongoReadModelStore } from './mongo-read-model-store';

// Regression: a rebuild with snapshots on FerretDB 1.24 hung for good. Its update command keeps
// each statement's query open until the command ends, and a database has 100 connections: one
// bulk of 100 replacements (or a few smaller ones at once) took them all and waited for one more.
describe('MongoReadModelStore on FerretDB: many replacements at once', () => {
  const url = mongoUrl();
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  const database = `bulk_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let store: MongoReadModelStore;

  beforeAll(async () => {
    await client.connect();
    store = new MongoReadModelStore(client, { database, prefix: 'rm_' });
  });

  afterAll(async () => {
    await client.db(database).dropDatabase();
    await client.close();
  });

  const puts = (collection: string, version: number): DocumentChange[] =>
    Array.from({ length: 150 }, (_, i) => ({
      kind: 'put' as const,
      collection,
      id: `doc-${i}`,
      doc: { n: i, version },
    }));

  it('replaces 150 stored documents in each of four collections, the four batches at once', async () => {
    const collections = ['a', 'b', 'c', 'd'].map((name) => `bulk_${name}`);
    for (const [i, collection] of collections.entries())
      await store.applyBatch({
        projection: collection,
        changes: puts(collection, 1),
        checkpoint: String(i + 1),
      });

    await Promise.all(
      collections.map((collection, i) =>
        store.applyBatch({
          projection: collection,
          changes: puts(collection, 2),
          checkpoint: String(i + 10),
        }),
      ),
    );

    for (const collection of collections) {
      const docs = await store.getMany<{ n: number; version: number }>(
        collection,
        puts(collection, 2).map((change) => change.id),
      );
      expect(docs).toHaveLength(150);
      expect(docs.every((doc) => doc.version === 2)).toBe(true);
    }
  }, 60_000);
});
