import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numbered } from '../conformance/conformance.fixtures';
import { NO_STREAM } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'hub-stream-heads-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const revisions = async (store: SqliteEventStore, stream: string, fromRevision: number) =>
  (await store.readStream(stream, { fromRevision })).map((event) => event.revision);

/** The forwards statement of a store's reads, to count the queries a read costs. */
const forwardsOf = (store: SqliteEventStore) =>
  (store as unknown as { reads: { forwards: Database.Statement } }).reads.forwards;

/** The `PRAGMA data_version` statement of a store's known heads. */
const dataVersionOf = (store: SqliteEventStore) =>
  (store as unknown as { reads: { heads: { dataVersion: Database.Statement } } }).reads.heads
    .dataVersion;

// Two stores on one file: two connections, as two processes of the hub have.
describe('SqliteEventStore: reads past a stream end it knows', () => {
  let here: SqliteEventStore;
  let elsewhere: SqliteEventStore;
  beforeEach(() => {
    const file = join(dir, `events-${(files += 1)}.sqlite`);
    here = new SqliteEventStore({ file, pollIntervalMs: 50 });
    elsewhere = new SqliteEventStore({ file, pollIntervalMs: 50 });
  });
  afterEach(async () => {
    await here.close();
    await elsewhere.close();
  });

  it('answers a catch-up read past a known end without a query', async () => {
    await here.appendToStream('a-1', numbered(2), NO_STREAM);
    const queries = jest.spyOn(forwardsOf(here), 'all');
    expect(await revisions(here, 'a-1', 2)).toEqual([]);
    expect(await revisions(here, 'a-1', 0)).toEqual([0, 1]);
    expect(queries).toHaveBeenCalledTimes(1);
  });

  it('reads a stream it knows nothing of without first asking whether others committed', async () => {
    await elsewhere.appendToStream('c-1', numbered(1), NO_STREAM);
    const asked = jest.spyOn(dataVersionOf(here), 'get');
    expect(await revisions(here, 'c-1', 0)).toEqual([0]);
    expect(await revisions(here, 'c-2', 0)).toEqual([]);
    expect(asked).not.toHaveBeenCalled();
    // A known end is trusted only after asking.
    expect(await revisions(here, 'c-1', 1)).toEqual([]);
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('sees what another connection appended to a stream it had read to the end', async () => {
    await elsewhere.appendToStream('a-1', numbered(2), NO_STREAM);
    expect(await revisions(here, 'a-1', 0)).toEqual([0, 1]);
    expect(await revisions(here, 'a-1', 2)).toEqual([]);
    await elsewhere.appendToStream('a-1', numbered(1, 'Numbered', 2), 1);
    expect(await revisions(here, 'a-1', 2)).toEqual([2]);
  });

  it('sees what another connection appended to a stream it had appended to', async () => {
    await here.appendToStream('a-1', numbered(3), NO_STREAM);
    expect(await revisions(here, 'a-1', 3)).toEqual([]);
    await elsewhere.appendToStream('a-1', numbered(1, 'Numbered', 3), 2);
    expect(await revisions(here, 'a-1', 3)).toEqual([3]);
  });

  it('sees a stream another connection created after this one found it empty', async () => {
    expect(await revisions(here, 'b-1', 0)).toEqual([]);
    await elsewhere.appendToStream('b-1', numbered(1), NO_STREAM);
    expect(await revisions(here, 'b-1', 0)).toEqual([0]);
  });

  it('keeps a replayed append from hiding the events after it', async () => {
    const first = numbered(2);
    await here.appendToStream('a-1', first, NO_STREAM);
    await here.appendToStream('a-1', numbered(1, 'Numbered', 2), 1);
    // A retried command re-appends its events: answered as the first time (revision 1).
    expect((await here.appendToStream('a-1', first, NO_STREAM)).nextExpectedRevision).toBe(1);
    expect(await revisions(here, 'a-1', 2)).toEqual([2]);
  });

  it('learns nothing from a refused append', async () => {
    await here.appendToStream('a-1', numbered(2), NO_STREAM);
    await expect(here.appendToStream('a-1', numbered(3, 'Numbered', 2), 0)).rejects.toThrow();
    expect(await revisions(here, 'a-1', 0)).toEqual([0, 1]);
    await here.appendToStream('a-1', numbered(1, 'Numbered', 2), 1);
    expect(await revisions(here, 'a-1', 2)).toEqual([2]);
  });
});
