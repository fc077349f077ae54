import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadModelStoreConformance } from '../conformance/read-model-store.conformance';
import { SqliteReadModelStore } from './sqlite-read-model-store';

describeReadModelStoreConformance('SqliteReadModelStore (temp file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-read-store-'));
  const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteReadModelStore.getManyJson', () => {
  it('answers the stored JSON text of the documents found, by id, and nothing for the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-read-store-'));
    const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
    try {
      await store.applyBatch({
        projection: 'p',
        changes: [
          { kind: 'putJson', collection: 'c', id: 'a', json: '{"id":"a","n":1}' },
          { kind: 'put', collection: 'c', id: 'b', doc: { id: 'b', n: 2 } },
        ],
        checkpoint: '1',
      });
      const texts = await store.getManyJson('c', ['a', 'b', 'missing']);
      expect([...texts.entries()].sort()).toEqual([
        ['a', '{"id":"a","n":1}'],
        ['b', '{"id":"b","n":2}'],
      ]);
      expect(await store.getMany('c', ['b', 'a'])).toEqual([
        { id: 'b', n: 2 },
        { id: 'a', n: 1 },
      ]);
      await expect(store.getManyJson('c', [''])).rejects.toThrow();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
