import { ConcurrencyError } from '@hub/domain';
import { ANY, NO_STREAM } from '../event-store.port';
import { StoreUnderTest, newEvent, numbered, uniqueStream } from './conformance.fixtures';

/** Expected-revision checks, racing writers and idempotent re-appends. */
export function appendConformance(store: StoreUnderTest): void {
  describe('append', () => {
    it('appends to a new stream with no_stream, and refuses no_stream once it exists', async () => {
      const stream = uniqueStream();
      const first = await store().appendToStream(stream, numbered(2), NO_STREAM);
      expect(first.nextExpectedRevision).toBe(1);
      await expect(store().appendToStream(stream, numbered(1), NO_STREAM)).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('appends at the exact revision, and refuses a stale or premature one', async () => {
      const stream = uniqueStream();
      await expect(store().appendToStream(stream, numbered(1), 0)).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      await store().appendToStream(stream, numbered(2), NO_STREAM);
      const next = await store().appendToStream(stream, numbered(1, 'Numbered', 2), 1);
      expect(next.nextExpectedRevision).toBe(2);
      await expect(store().appendToStream(stream, numbered(1), 1)).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      const events = await store().readStream(stream);
      expect(events.map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    });

    it('appends with any whether or not the stream exists', async () => {
      const stream = uniqueStream();
      expect((await store().appendToStream(stream, numbered(1), ANY)).nextExpectedRevision).toBe(0);
      expect((await store().appendToStream(stream, numbered(2), ANY)).nextExpectedRevision).toBe(2);
    });

    it('lets exactly one of two writers racing on the same revision win', async () => {
      const stream = uniqueStream();
      await store().appendToStream(stream, numbered(1), NO_STREAM);
      const results = await Promise.allSettled([
        store().appendToStream(stream, [newEvent('ByA')], 0),
        store().appendToStream(stream, [newEvent('ByB')], 0),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(ConcurrencyError);
      expect((await store().readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('answers a re-append of the same event ids as the first time, appending nothing', async () => {
      const stream = uniqueStream();
      const events = numbered(2);
      const first = await store().appendToStream(stream, events, NO_STREAM);
      const again = await store().appendToStream(stream, events, NO_STREAM);
      expect(again).toEqual(first);
      await store().appendToStream(stream, numbered(1, 'Later'), first.nextExpectedRevision);
      const retriedLate = await store().appendToStream(stream, events, NO_STREAM);
      expect(retriedLate).toEqual(first);
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('refuses a batch of which only some event ids are already in the stream', async () => {
      const stream = uniqueStream();
      const [a, b] = numbered(2);
      await store().appendToStream(stream, [a], NO_STREAM);
      await expect(store().appendToStream(stream, [a, b], NO_STREAM)).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('returns the position of the last appended event, which headPosition then reports', async () => {
      const stream = uniqueStream();
      const result = await store().appendToStream(stream, numbered(3), NO_STREAM);
      const head = await store().headPosition();
      expect(head).not.toBeNull();
      expect(head! >= result.position).toBe(true);
      const [last] = await store().readStream(stream, { direction: 'backwards', maxCount: 1 });
      expect(last.position).toBe(result.position);
    });

    it('appends to several streams in one call, one result per part, and answers a re-append the same', async () => {
      const [claim, ledger] = [uniqueStream(), uniqueStream()];
      await store().appendToStream(ledger, numbered(1), NO_STREAM);
      const parts = [
        { stream: claim, events: [newEvent('Claimed')], expectedRevision: NO_STREAM },
        { stream: ledger, events: numbered(1, 'Logged', 1), expectedRevision: 0 },
      ];
      const results = await store().appendToStreams(parts);
      expect(results.map((r) => r.nextExpectedRevision)).toEqual([0, 1]);
      expect(results[1].position > results[0].position).toBe(true);
      expect(await store().appendToStreams(parts)).toEqual(results);
      expect(await store().readStream(claim)).toHaveLength(1);
      expect(await store().readStream(ledger)).toHaveLength(2);
    });

    it('appends nothing of a multi-stream call whose first part is refused', async () => {
      const [claim, ledger] = [uniqueStream(), uniqueStream()];
      await store().appendToStream(claim, [newEvent('ClaimedByOther')], NO_STREAM);
      await expect(
        store().appendToStreams([
          { stream: claim, events: [newEvent('Claimed')], expectedRevision: NO_STREAM },
          { stream: ledger, events: numbered(1), expectedRevision: NO_STREAM },
        ]),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store().readStream(claim)).toHaveLength(1);
      expect(await store().readStream(ledger)).toEqual([]);
    });
  });
}
