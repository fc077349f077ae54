import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreConformance } from '../conformance/event-store.conformance';
import { numbered, take } from '../conformance/conformance.fixtures';
import { GlobalPosition, NO_STREAM } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'hub-event-store-'));
let files = 0;
const freshFile = (): string => join(dir, `events-${(files += 1)}.sqlite`);
const at = (position: number) => BigInt(position) as GlobalPosition;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEventStoreConformance(
  'SqliteEventStore (file in a temp dir)',
  () => new SqliteEventStore(freshFile()),
);

describe('SqliteEventStore', () => {
  let store: SqliteEventStore;
  let file: string;
  beforeEach(() => {
    file = freshFile();
    store = new SqliteEventStore({ file, pollIntervalMs: 50 });
  });
  afterEach(() => store.close());

  it('uses WAL with synchronous=FULL unless NORMAL is asked for', async () => {
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const normal = new SqliteEventStore({ file: freshFile(), synchronous: 'NORMAL' });
    // synchronous is per connection: read it through the store's own connection.
    expect(
      (normal as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true }),
    ).toBe(1);
    expect(
      (store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true }),
    ).toBe(2);
    await normal.close();
  });

  it('reports no head position for an empty log, then gapless positions from 1', async () => {
    expect(await store.headPosition()).toBeNull();
    await store.appendToStream('a-1', numbered(3), NO_STREAM);
    await expect(store.appendToStream('a-1', numbered(1), NO_STREAM)).rejects.toThrow();
    await store.appendToStream('b-1', numbered(2), NO_STREAM);
    const positions = (await store.readAll()).map((e) => e.position);
    expect(positions).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(await store.headPosition()).toBe(5n);
  });

  it('defers parsing metadata when asked, answering the same events', async () => {
    await store.appendToStream('a-1', numbered(3), NO_STREAM);
    const eager = await store.readAll();
    const deferred = await store.readAll({ deferMetadata: true });
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const fields = deferred.map(({ type, data, streamName, revision, position, recordedAt }) => ({
        type,
        data,
        streamName,
        revision,
        position,
        recordedAt,
      }));
      expect(fields).toEqual(eager.map(({ metadata: _, ...rest }) => rest));
      expect(parse).not.toHaveBeenCalled(); // the metadata is not read yet
      expect(deferred.map((event) => event.metadata)).toEqual(eager.map((e) => e.metadata));
      expect(parse).toHaveBeenCalledTimes(3);
      deferred.forEach((event) => event.metadata);
      expect(parse).toHaveBeenCalledTimes(3); // parsed once each
    } finally {
      parse.mockRestore();
    }
    const json = (value: unknown) =>
      JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(JSON.parse(json(deferred))).toEqual(JSON.parse(json(eager)));
  });

  it('commits 200 concurrent appends to 200 streams in far fewer than 200 transactions', async () => {
    const before = store.stats().commits;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.appendToStream(`load-${i}`, numbered(1), NO_STREAM),
      ),
    );
    expect(results).toHaveLength(200);
    expect((await store.readAll()).map((e) => Number(e.position))).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect(store.stats().commits - before).toBeLessThan(10);
  });

  it('fails only the conflicting append of a group, not its neighbours', async () => {
    await store.appendToStream('shared-1', numbered(1), NO_STREAM);
    const results = await Promise.allSettled([
      store.appendToStream('other-1', numbered(1), NO_STREAM),
      store.appendToStream('shared-1', numbered(1), 5),
      store.appendToStream('other-2', numbered(1), NO_STREAM),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readAll()).map((e) => Number(e.position))).toEqual([1, 2, 3]);
  });

  it('writes a multi-stream append all or nothing, in the same group as its neighbours', async () => {
    await store.appendToStream('claimed-1', numbered(1), NO_STREAM);
    const before = store.stats().commits;
    const results = await Promise.allSettled([
      store.appendToStreams([
        { stream: 'ledger-1', events: numbered(1), expectedRevision: NO_STREAM },
        { stream: 'claimed-1', events: numbered(1), expectedRevision: NO_STREAM },
      ]),
      store.appendToStreams([
        { stream: 'claimed-2', events: numbered(1), expectedRevision: NO_STREAM },
        { stream: 'ledger-2', events: numbered(1), expectedRevision: NO_STREAM },
      ]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(store.stats().commits - before).toBe(1);
    expect(await store.readStream('ledger-1')).toEqual([]);
    const streams = (await store.readAll()).map((e) => `${e.streamName}@${e.position}`);
    expect(streams).toEqual(['claimed-1@1', 'claimed-2@2', 'ledger-2@3']);
  });

  it('shows a live subscriber the appends of another connection to the same file (bounded poll)', async () => {
    const other = new SqliteEventStore({ file });
    const subscription = store.subscribeToAll();
    const receiving = take(subscription, 3, undefined, 5_000);
    await other.appendToStream('elsewhere-1', numbered(3), NO_STREAM);
    const received = await receiving;
    await subscription.close();
    await other.close();
    expect(received.map((e) => e.streamName)).toEqual([
      'elsewhere-1',
      'elsewhere-1',
      'elsewhere-1',
    ]);
  });

  it('ends live subscriptions and commits queued appends on close', async () => {
    const subscription = store.subscribeToAll();
    const consuming = (async () => {
      let count = 0;
      for await (const _event of subscription) count += 1;
      return count;
    })();
    const appended = store.appendToStream('late-1', numbered(1), NO_STREAM);
    await store.close();
    await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await expect(consuming).resolves.toBeGreaterThanOrEqual(0);
    const reopened = new SqliteEventStore(file);
    expect(await reopened.readStream('late-1')).toHaveLength(1);
    await reopened.close();
  });

  // Seen in a two-api load: a handler whose client had gone away outlived the HTTP server and
  // read the closed store; it logged a 500 ("SqliteEventStore is closed").
  it('refuses reads and appends after close with 503 shutting_down, not an error that answers 500', async () => {
    await store.close();
    const refusal = { status: 503, code: 'shutting_down' };
    await expect(store.readStream('late-1')).rejects.toMatchObject(refusal);
    await expect(store.appendToStream('late-1', numbered(1), NO_STREAM)).rejects.toMatchObject(
      refusal,
    );
  });

  it('counts the events after a position by rows when the log has a gap (the subtraction would be wrong)', async () => {
    await store.appendToStream('gap-1', numbered(4), NO_STREAM);
    await store.close();
    // A file whose positions skip 3 (written by hand: the hub itself always appends max + 1).
    const raw = new Database(file);
    raw.prepare('DELETE FROM events WHERE position = 3').run();
    raw.close();
    store = new SqliteEventStore(file);
    expect(await store.countEventsAfter(null)).toBe(3);
    expect(await store.countEventsAfter(at(1))).toBe(2);
    expect(await store.countEventsAfter(at(1), 1)).toBe(1);
    expect(await store.countEventsAfter(at(4))).toBe(0);
  });

  it('counts by position on a gapless log, and goes on doing so as it grows', async () => {
    await store.appendToStream('count-1', numbered(3), NO_STREAM);
    expect(await store.countEventsAfter(at(1))).toBe(2);
    await store.appendToStream('count-2', numbered(5), NO_STREAM);
    expect(await store.countEventsAfter(at(1))).toBe(7);
    expect(await store.countEventsAfter(at(1), 4)).toBe(4);
    expect(await store.countEventsAfter(at(8))).toBe(0);
    expect(await store.countEventsAfter(at(20))).toBe(0);
  });
});
