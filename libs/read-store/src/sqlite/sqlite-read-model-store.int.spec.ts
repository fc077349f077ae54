import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describeReadModelStoreConformance } from '../conformance/read-model-store.conformance';
import { SqliteReadModelStore } from './sqlite-read-model-store';

describeReadModelStoreConformance('SqliteReadModelStore (temp file, WAL)', async (clock) => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-read-store-'));
  const file = join(dir, 'read-models.sqlite');
  const store = new SqliteReadModelStore({ file, now: clock.now });
  // Another process's store on the same file: its own connections and writer thread.
  const another = new SqliteReadModelStore({ file, now: clock.now });
  return {
    store,
    another,
    dispose: async () => {
      await store.close();
      await another.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeReadModelStoreConformance(
  'SqliteReadModelStore (in memory, writes in process)',
  async (clock) => {
    const store = new SqliteReadModelStore({ file: ':memory:', now: clock.now });
    return { store, dispose: () => store.close() };
  },
);

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

describe('SqliteReadModelStore writer thread', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-read-store-'));
    file = join(dir, 'read-models.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bigBatch = (checkpoint: string) => ({
    projection: 'p',
    changes: Array.from({ length: 50_000 }, (_, i) => ({
      kind: 'putJson' as const,
      collection: 'c',
      id: `d${i}`,
      json: JSON.stringify({ id: `d${i}`, text: 'x'.repeat(100) }),
    })),
    checkpoint,
  });

  /** How many turns the event loop made while `work` was under way. */
  async function turnsDuring(work: Promise<unknown>): Promise<number> {
    let turns = 0;
    let done = false;
    const spin = (): void => {
      if (done) return;
      turns += 1;
      setImmediate(spin);
    };
    setImmediate(spin);
    await work;
    done = true;
    return turns;
  }

  it('commits a batch while the event loop goes on (and in process it cannot)', async () => {
    const threaded = new SqliteReadModelStore({ file });
    const inProcess = new SqliteReadModelStore({
      file: join(dir, 'b.sqlite'),
      writerThread: false,
    });
    try {
      await threaded.ensureIndex('c', ['text']);
      await inProcess.ensureIndex('c', ['text']);
      expect(await turnsDuring(threaded.applyBatch(bigBatch('7')))).toBeGreaterThan(0);
      expect(await turnsDuring(inProcess.applyBatch(bigBatch('7')))).toBe(0);
      for (const store of [threaded, inProcess]) {
        expect(await store.count('c')).toBe(50_000);
        expect((await store.getCheckpoint('p'))?.position).toBe('7');
      }
    } finally {
      await threaded.close();
      await inProcess.close();
    }
  });

  it('rolls a failing batch back whole and reports the engine error', async () => {
    // A table of the collection's name without the position column makes the batch's write fail.
    const raw = new Database(file);
    raw.exec('CREATE TABLE "rm_broken" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    raw.close();
    const store = new SqliteReadModelStore({ file });
    try {
      const failing = store.applyBatch({
        projection: 'p',
        changes: [
          { kind: 'put', collection: 'fine', id: 'a', doc: { id: 'a' } },
          { kind: 'put', collection: 'broken', id: 'b', doc: { id: 'b' } },
        ],
        checkpoint: '3',
      });
      await expect(failing).rejects.toMatchObject({ code: 'SQLITE_ERROR' });
      expect(await store.get('fine', 'a')).toBeNull();
      expect(await store.getCheckpoint('p')).toBeNull();
      // The writer goes on with the next batch.
      await store.applyBatch({
        projection: 'p',
        changes: [{ kind: 'put', collection: 'fine', id: 'a', doc: { id: 'a' } }],
        checkpoint: '4',
      });
      expect(await store.get('fine', 'a')).toEqual({ id: 'a' });
    } finally {
      await store.close();
    }
  });

  it('finishes the writes asked for before it closes, and refuses writes after', async () => {
    const store = new SqliteReadModelStore({ file });
    const write = store.applyBatch(bigBatch('9'));
    await store.close();
    await expect(write).resolves.toBeUndefined();
    await expect(store.put('c', 'late', { id: 'late' })).rejects.toThrow(/closed/);
    const reopened = new SqliteReadModelStore({ file });
    try {
      expect(await reopened.count('c')).toBe(50_000);
    } finally {
      await reopened.close();
    }
  });
});
