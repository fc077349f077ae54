import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numbered } from '../conformance/conformance.fixtures';
import { NO_STREAM } from '../event-store.port';
import { chainHash } from '../integrity/hash-chain';
import { writeUnchainedLog } from './sqlite-chain.fixtures';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'hub-event-chain-'));
let files = 0;
const freshFile = (): string => join(dir, `events-${(files += 1)}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Ten events over three streams, written by the store; the file is then tampered with raw SQL. */
async function writtenLog(): Promise<string> {
  const file = freshFile();
  const store = new SqliteEventStore(file);
  await store.appendToStream('a-1', numbered(4), NO_STREAM);
  await store.appendToStreams([
    { stream: 'b-1', events: numbered(3), expectedRevision: NO_STREAM },
    { stream: 'c-1', events: numbered(3), expectedRevision: NO_STREAM },
  ]);
  await store.close();
  return file;
}

function tamper(file: string, sql: string): void {
  const raw = new Database(file);
  raw.exec(sql);
  raw.close();
}

async function verify(file: string, range = {}) {
  const store = new SqliteEventStore(file);
  try {
    return await store.verifyChain(range);
  } finally {
    await store.close();
  }
}

describe('SqliteEventStore hash chain', () => {
  it('chains every appended event to the one before it, and an untouched log verifies', async () => {
    const file = await writtenLog();
    const store = new SqliteEventStore(file);
    const head = await store.chainHead();
    const result = await store.verifyChain();
    await store.close();
    expect(result).toEqual({
      verified: true,
      checkedFrom: 1n,
      checkedTo: 10n,
      headHash: head!.hash,
      checked: 10,
    });
    expect(head).toEqual({ position: 10n, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('finds a rewritten row at its position', async () => {
    const file = await writtenLog();
    tamper(file, `UPDATE events SET data = '{"n":99}' WHERE position = 6`);
    expect((await verify(file)).firstMismatch).toEqual({ position: 6n, reason: 'hash_mismatch' });
    // The rows before it still verify on their own.
    expect(await verify(file, { toPosition: 5n })).toMatchObject({ verified: true, checked: 5 });
  });

  it('finds a row rewritten with its own hash recomputed where the next link breaks', async () => {
    const file = await writtenLog();
    const raw = new Database(file);
    type Row = { stream: string; revision: number; type: string; metadata: string };
    const row = raw.prepare('SELECT * FROM events WHERE position = 3').get() as Row;
    const previous = raw
      .prepare('SELECT hash FROM events WHERE position = 2')
      .pluck()
      .get() as Buffer;
    const forged = { ...row, data: '{"n":42}', recordedAt: '2000-01-01T00:00:00.000Z' };
    raw
      .prepare('UPDATE events SET data = ?, recorded_at = ?, hash = ? WHERE position = 3')
      .run(forged.data, forged.recordedAt, chainHash(previous, forged));
    raw.close();
    // The forged row is consistent with itself; its successor's link is not.
    expect((await verify(file)).firstMismatch).toEqual({ position: 4n, reason: 'hash_mismatch' });
  });

  it('finds a row whose hash was removed', async () => {
    const file = await writtenLog();
    tamper(file, 'UPDATE events SET hash = NULL WHERE position = 7');
    expect((await verify(file)).firstMismatch).toEqual({ position: 7n, reason: 'missing_hash' });
  });

  it('finds a deleted row at its position', async () => {
    const file = await writtenLog();
    tamper(file, 'DELETE FROM events WHERE position = 4');
    const result = await verify(file);
    expect(result.verified).toBe(false);
    expect(result.firstMismatch).toEqual({ position: 4n, reason: 'missing_event' });
    expect(result.checkedTo).toBe(3n);
  });

  it('finds a deleted row that closed the asked range', async () => {
    const file = await writtenLog();
    tamper(file, 'DELETE FROM events WHERE position = 10');
    expect((await verify(file, { toPosition: 10n })).firstMismatch).toEqual({
      position: 10n,
      reason: 'missing_event',
    });
  });

  it('finds an inserted row at its position, even with the positions after it renumbered', async () => {
    const file = await writtenLog();
    // Make room at 5 (descending, so the primary key never collides), then forge a row there
    // that copies the hash of the row it displaced.
    tamper(
      file,
      `UPDATE events SET position = -position WHERE position >= 5;
       UPDATE events SET position = 1 - position WHERE position < 0;
       INSERT INTO events (position, event_id, stream, revision, type, data, metadata, recorded_at, hash)
         SELECT 5, 'forged', 'a-1', 4, type, '{"n":4}', metadata, recorded_at, (SELECT hash FROM events WHERE position = 6)
         FROM events WHERE position = 4;`,
    );
    expect((await verify(file)).firstMismatch).toEqual({ position: 5n, reason: 'hash_mismatch' });
  });

  it('keeps the chain whole when an append of a group commit is refused', async () => {
    const store = new SqliteEventStore(freshFile());
    await store.appendToStream('a-1', numbered(1), NO_STREAM);
    // Same tick: one transaction, in which the middle append conflicts and rolls back alone.
    const outcomes = await Promise.allSettled([
      store.appendToStream('b-1', numbered(2), NO_STREAM),
      store.appendToStream('a-1', numbered(2), NO_STREAM),
      store.appendToStream('c-1', numbered(2), NO_STREAM),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.verifyChain()).toMatchObject({ verified: true, checked: 5 });
    await store.close();
  });

  it('chains a file written before the chain existed when it is opened, once', async () => {
    const file = freshFile();
    writeUnchainedLog(file);

    const store = new SqliteEventStore(file);
    await store.appendToStream('new-1', numbered(2), NO_STREAM);
    expect(await store.verifyChain()).toMatchObject({ verified: true, checked: 7 });
    const head = await store.chainHead();
    await store.close();
    // Marked as chained: a second open does not chain again (the head stays the same).
    const reopened = new SqliteEventStore(file);
    expect(await reopened.chainHead()).toEqual(head);
    const raw = (reopened as unknown as { db: Database.Database }).db;
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    await reopened.close();
  });
});
