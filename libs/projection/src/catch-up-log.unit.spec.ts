import { GlobalPosition } from '@hub/event-store';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { CatchUpLog } from './catch-up-log';
import { appendTypes } from '@hub/testing/projection/sample-events';

const at = (position: number) => BigInt(position) as GlobalPosition;
const positions = (events: { position: bigint }[]) => events.map((e) => Number(e.position));

describe('CatchUpLog', () => {
  let events: MemoryEventStore;
  let reads: jest.SpyInstance;
  beforeEach(async () => {
    events = new MemoryEventStore();
    // Positions 1..12: A B C repeated; the log reads A and B, never C.
    for (let i = 0; i < 4; i += 1) await appendTypes(events, `s-${i}`, 'A', 'B', 'C');
    reads = jest.spyOn(events, 'readAll');
  });

  it('reads each page once for every reader, and cuts it to each reader`s types', async () => {
    const log = new CatchUpLog(events, ['A', 'B'], 3);
    const a = log.reader(['A']);
    const b = log.reader(['B']);
    const first = await a.pageAfter(null);
    // A page is 3 events of the log's types: A(1) B(2) A(4); C(3) is not read at all.
    expect(positions(first.events)).toEqual([1, 4]);
    expect(first).toMatchObject({ through: at(4), atHead: false, behind: false });
    expect(positions((await b.pageAfter(null)).events)).toEqual([2]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(positions((await b.pageAfter(at(4))).events)).toEqual([5, 8]);
    expect(positions((await a.pageAfter(at(4))).events)).toEqual([7]);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('moves a reader past pages that hold none of its events', async () => {
    await appendTypes(events, 'only-b', 'B', 'B', 'B', 'B');
    const log = new CatchUpLog(events, ['A', 'B'], 3);
    const a = log.reader(['A']);
    const page = await a.pageAfter(at(11));
    expect(page.events).toEqual([]);
    expect(page.through).toBe(at(15));
  });

  it('answers the head with every event up to it, and never keeps that page for later', async () => {
    const log = new CatchUpLog(events, ['A', 'B'], 100);
    const a = log.reader(['A', 'B']);
    const head = await a.pageAfter(null);
    expect(head.atHead).toBe(true);
    expect(head.through).toBe(at(12)); // the head, a C event the log does not read
    expect(positions(head.events)).toEqual([1, 2, 4, 5, 7, 8, 10, 11]);
    await appendTypes(events, 'late', 'A');
    const b = log.reader(['A']);
    // A kept head page would hide the event appended since it was read.
    expect(positions((await b.pageAfter(at(12))).events)).toEqual([13]);
    expect(log.cachedChunks).toBe(0);
  });

  it('answers an empty log with no position, at the head', async () => {
    const log = new CatchUpLog(new MemoryEventStore(), ['A'], 3);
    expect(await log.reader(['A']).pageAfter(null)).toEqual({
      events: [],
      through: null,
      atHead: true,
      behind: false,
      head: null,
    });
  });

  it('tells a reader it is behind, and drops pages once every open reader has passed them', async () => {
    const log = new CatchUpLog(events, ['A', 'B'], 2);
    const ahead = log.reader(['A']);
    const behind = log.reader(['B']);
    await behind.pageAfter(null);
    let cursor: GlobalPosition | null = null;
    for (let page = 0; page < 3; page += 1) cursor = (await ahead.pageAfter(cursor)).through;
    expect(cursor).toBe(at(8));
    expect(log.cachedChunks).toBe(3);
    const caughtUp = await behind.pageAfter(at(2));
    expect(caughtUp).toMatchObject({ through: at(5), behind: true });
    expect(log.cachedChunks).toBe(2); // both readers are past (null, 2]
    await behind.pageAfter(at(5));
    expect(log.cachedChunks).toBe(1); // and past (2, 5]; `ahead` may still ask for (5, 8]
    behind.close();
    ahead.close();
    expect(log.cachedChunks).toBe(0);
    expect(reads).toHaveBeenCalledTimes(3);
  });

  it('keeps at most maxChunks pages, dropping the furthest behind', async () => {
    const log = new CatchUpLog(events, ['A', 'B'], 2, 2);
    const slow = log.reader(['A']);
    await slow.pageAfter(null); // it stays at the start, so no page is passed by everyone
    const reader = log.reader(['A', 'B']);
    let cursor: GlobalPosition | null = null;
    for (let page = 0; page < 3; page += 1) cursor = (await reader.pageAfter(cursor)).through;
    expect(log.cachedChunks).toBe(2);
    reads.mockClear();
    await log.reader(['A']).pageAfter(at(5)); // (5, 8] is kept
    expect(reads).not.toHaveBeenCalled();
    await slow.pageAfter(null); // (null, 2] was dropped: it reads for itself
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('refuses a reader of events the log does not read', () => {
    const log = new CatchUpLog(events, ['A'], 3);
    expect(() => log.reader(['A', 'C'])).toThrow('the catch-up log does not read C');
  });
});
