import { NO_STREAM } from '../event-store.port';
import {
  StoreUnderTest,
  metadata,
  newEvent,
  numbered,
  uniquePrefix,
  uniqueStream,
} from './conformance.fixtures';

/** readStream and readAll: direction, bounds, filters and the envelope's round trip. */
export function readConformance(store: StoreUnderTest): void {
  describe('read', () => {
    it('counts the events after a position (lag in events), at most a limit', async () => {
      const before = await store().headPosition();
      const stream = uniqueStream();
      // Two appends of several events each: a count, whatever the store's positions step by.
      await store().appendToStream(stream, numbered(3), NO_STREAM);
      const { position } = await store().appendToStream(stream, numbered(4, 'Numbered', 3), 2);
      const [first] = await store().readStream(stream, { maxCount: 1 });
      expect(await store().countEventsAfter(before)).toBe(7);
      expect(await store().countEventsAfter(first.position)).toBe(6);
      expect(await store().countEventsAfter(first.position, 5)).toBe(5);
      expect(await store().countEventsAfter(position)).toBe(0);
    });

    it('reads a stream forwards and backwards from a revision, at most maxCount events', async () => {
      const stream = uniqueStream();
      await store().appendToStream(stream, numbered(10), NO_STREAM);
      const n = (events: { data: object }[]): unknown[] =>
        events.map((e) => (e.data as { n: number }).n);
      expect(n(await store().readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(n(await store().readStream(stream, { fromRevision: 4, maxCount: 3 }))).toEqual([
        4, 5, 6,
      ]);
      expect(n(await store().readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([
        9, 8,
      ]);
      expect(
        n(
          await store().readStream(stream, {
            direction: 'backwards',
            fromRevision: 3,
            maxCount: 10,
          }),
        ),
      ).toEqual([3, 2, 1, 0]);
      expect(await store().readStream(uniqueStream('missing'))).toEqual([]);
    });

    it('reads the log in position order from a position, with maxCount and filters', async () => {
      const prefix = uniquePrefix();
      const [a, b, c] = [`${prefix}a-1`, `${prefix}b-1`, `${prefix}a-2`];
      const first = await store().appendToStream(a, [newEvent('Opened', { i: 0 })], NO_STREAM);
      await store().appendToStream(b, [newEvent('Closed', { i: 1 })], NO_STREAM);
      await store().appendToStream(c, [newEvent('Opened', { i: 2 })], NO_STREAM);
      await store().appendToStream(a, [newEvent('Closed', { i: 3 })], 0);
      const only = { streamPrefixes: [prefix] };
      const all = await store().readAll({ fromPosition: first.position, filter: only });
      expect(all.map((e) => e.data)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }]);
      for (let i = 1; i < all.length; i += 1)
        expect(all[i].position > all[i - 1].position).toBe(true);
      expect(all[0].position).toBe(first.position);

      const fromThird = await store().readAll({ fromPosition: all[2].position, filter: only });
      expect(fromThird.map((e) => e.data)).toEqual([{ i: 2 }, { i: 3 }]);
      const two = await store().readAll({
        fromPosition: first.position,
        maxCount: 2,
        filter: only,
      });
      expect(two.map((e) => e.data)).toEqual([{ i: 0 }, { i: 1 }]);
      const opened = await store().readAll({
        fromPosition: first.position,
        filter: { ...only, eventTypes: ['Opened'] },
      });
      expect(opened.map((e) => e.data)).toEqual([{ i: 0 }, { i: 2 }]);
      const streamA = await store().readAll({
        fromPosition: first.position,
        filter: { streamPrefixes: [`${prefix}a-`] },
      });
      expect(streamA.map((e) => e.streamName)).toEqual([a, c, a]);
    });

    it('round-trips the envelope: metadata, recordedAt, stream, revision and position', async () => {
      const stream = uniqueStream();
      const meta = metadata({
        actor: {
          userId: 'u-7',
          email: 'ann@example.com',
          orgId: 'org-1',
          roles: ['partner-agent'],
          partnerId: 'p-1',
        },
        source: 'kafka:delivery/3/1042',
        occurredAt: '2023-12-31T23:59:59.999Z',
      });
      const before = Date.now();
      const result = await store().appendToStream(
        stream,
        [{ type: 'CaseOpened', data: { title: 'x' }, metadata: meta }],
        NO_STREAM,
      );
      const [event] = await store().readStream(stream);
      expect(event).toMatchObject({
        type: 'CaseOpened',
        data: { title: 'x' },
        streamName: stream,
        revision: 0,
      });
      expect(event.metadata).toEqual(meta);
      expect(event.position).toBe(result.position);
      expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
      expect(Date.parse(event.recordedAt)).toBeGreaterThanOrEqual(before - 5_000);
      const [viaAll] = await store().readAll({ fromPosition: result.position, maxCount: 1 });
      expect(viaAll).toEqual(event);
    });

    it('round-trips a 1 MB event and non-ASCII text', async () => {
      const stream = uniqueStream();
      const text = 'Überprüfung — 東京 — مرحبا — 🚀 ';
      const big = { blob: 'x'.repeat(1024 * 1024), text };
      await store().appendToStream(
        stream,
        [newEvent('Big', big), newEvent('Näme', { text })],
        NO_STREAM,
      );
      const [first, second] = await store().readStream(stream);
      expect(first.data).toEqual(big);
      expect(second.type).toBe('Näme');
      expect(second.data).toEqual({ text });
    });
  });
}
