import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY, SqliteEventStore } from '@hub/event-store';
import { Document, SqliteReadModelStore } from '@hub/read-store';
import { eventually } from '@hub/testing/eventually';
import { exited, runTypeScript } from '@hub/testing/run-typescript';
import { sampleEvent } from '@hub/testing/projection/sample-events';

const EVENTS = 50_000;
const STREAMS = 2_000;
const BATCH = 500;
const child = join(__dirname, '..', '..', 'testing', 'src', 'projection', 'rebuild-child.ts');

async function seed(file: string): Promise<void> {
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  const types = ['ItemAdded', 'ItemRenamed', 'Unrelated', 'StreamClosed'];
  const appends: Promise<unknown>[] = [];
  for (let i = 0; i < EVENTS / 50; i += 1) {
    const events = Array.from({ length: 50 }, (_, j) =>
      sampleEvent(types[(i * 7 + j * 3) % 11 === 0 ? 3 : (i + j) % 3]),
    );
    appends.push(store.appendToStream(`s-${i % STREAMS}`, events, ANY));
  }
  await Promise.all(appends);
  await store.close();
}

async function allDocuments(store: SqliteReadModelStore, collection: string): Promise<Document[]> {
  const docs: Document[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.find(collection, { limit: 1000, cursor });
    docs.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return docs;
}

describe('a projector killed mid-rebuild (SIGKILL)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-crash-'));
    await seed(join(dir, 'events.sqlite'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes from its checkpoint to the very same documents as an uninterrupted rebuild', async () => {
    const events = join(dir, 'events.sqlite');
    const interrupted = join(dir, 'interrupted.sqlite');
    const clean = join(dir, 'clean.sqlite');

    const first = runTypeScript(child, [events, interrupted, '1', String(BATCH)]);
    const watcher = new SqliteReadModelStore({ file: interrupted });
    let killedAt = 0n;
    try {
      await eventually(
        async () => {
          const checkpoint = await watcher.getCheckpoint('sample_v1').catch(() => null);
          if (!checkpoint?.position || BigInt(checkpoint.position) === 0n) return false;
          first.kill('SIGKILL');
          killedAt = BigInt(checkpoint.position);
          return true;
        },
        60_000,
        'a first checkpoint',
      );
      expect(await exited(first)).toBe('SIGKILL');
      const afterKill = BigInt((await watcher.getCheckpoint('sample_v1'))!.position!);
      expect(afterKill).toBeGreaterThanOrEqual(killedAt);
      expect(afterKill).toBeLessThan(BigInt(EVENTS));
    } finally {
      await watcher.close();
    }

    const restarted = runTypeScript(child, [events, interrupted, '1', String(BATCH)]);
    const uninterrupted = runTypeScript(child, [events, clean, '1', String(BATCH)]);
    let stderr = '';
    restarted.stderr!.on('data', (chunk) => (stderr += chunk));
    uninterrupted.stderr!.on('data', (chunk) => (stderr += chunk));
    expect([await exited(restarted), await exited(uninterrupted), stderr]).toEqual([0, 0, '']);

    const a = new SqliteReadModelStore({ file: interrupted });
    const b = new SqliteReadModelStore({ file: clean });
    try {
      expect((await a.getCheckpoint('sample_v1'))?.position).toBe(String(EVENTS));
      expect((await b.getCheckpoint('sample_v1'))?.position).toBe(String(EVENTS));
      for (const collection of ['sample_v1_streams', 'sample_v1_types']) {
        const left = await allDocuments(a, collection);
        const right = await allDocuments(b, collection);
        expect(left.length).toBe(right.length);
        for (let i = 0; i < left.length; i += 1) expect(left[i]).toEqual(right[i]);
      }
      expect((await allDocuments(a, 'sample_v1_streams')).length).toBeGreaterThan(100);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
