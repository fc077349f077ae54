import { NO_STREAM, RecordedEvent } from '../event-store.port';
import { StoreUnderTest, numbered, take, uniquePrefix } from './conformance.fixtures';

/** subscribeToAll: catch-up then live without gap or duplicate, resume, close. */
export function subscribeConformance(store: StoreUnderTest): void {
  describe('subscribeToAll', () => {
    it('catches up then goes live with no gap and no duplicate, appends racing the switch', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-1`;
      const start = await store().headPosition();
      await store().appendToStream(stream, numbered(50), NO_STREAM);
      const subscription = store().subscribeToAll({
        fromPosition: start ?? undefined,
        filter: { streamPrefixes: [prefix] },
      });
      // While the first events are delivered, append the rest one by one, so some land
      // during catch-up and some after the subscription went live.
      let appending: Promise<void> | undefined;
      const received = await take(subscription, 100, (_event, index) => {
        if (index === 0)
          appending = (async () => {
            for (let n = 50; n < 100; n += 1)
              await store().appendToStream(stream, numbered(1, 'Numbered', n), n - 1);
          })();
      });
      await appending;
      await subscription.close();
      expect(received.map((e) => e.revision)).toEqual(Array.from({ length: 100 }, (_, i) => i));
      expect(received.map((e) => (e.data as { n: number }).n)).toEqual(
        Array.from({ length: 100 }, (_, i) => i),
      );
    });

    it('resumes strictly after a given position', async () => {
      const prefix = uniquePrefix();
      await store().appendToStream(`${prefix}-1`, numbered(5), NO_STREAM);
      const all = await store().readStream(`${prefix}-1`);
      const subscription = store().subscribeToAll({
        fromPosition: all[2].position,
        filter: { streamPrefixes: [prefix] },
      });
      const received = await take(subscription, 2);
      await subscription.close();
      expect(received.map((e) => e.revision)).toEqual([3, 4]);
    });

    it('filters by event type', async () => {
      const prefix = uniquePrefix();
      const start = await store().headPosition();
      await store().appendToStream(`${prefix}-1`, numbered(3, 'Skipped'), NO_STREAM);
      await store().appendToStream(`${prefix}-2`, numbered(2, 'Wanted'), NO_STREAM);
      const subscription = store().subscribeToAll({
        fromPosition: start ?? undefined,
        filter: { eventTypes: ['Wanted'], streamPrefixes: [prefix] },
      });
      const received = await take(subscription, 2);
      await subscription.close();
      expect(received.map((e) => [e.type, e.streamName])).toEqual([
        ['Wanted', `${prefix}-2`],
        ['Wanted', `${prefix}-2`],
      ]);
    });

    it('ends the iteration of a live subscription on close', async () => {
      const head = await store().headPosition();
      const subscription = store().subscribeToAll({
        fromPosition: head ?? undefined,
        filter: { streamPrefixes: [uniquePrefix()] },
      });
      const seen: RecordedEvent[] = [];
      const consuming = (async () => {
        for await (const event of subscription) seen.push(event);
        return 'ended';
      })();
      await new Promise((resolve) => setImmediate(resolve));
      await subscription.close();
      await expect(consuming).resolves.toBe('ended');
      expect(seen).toEqual([]);
    });
  });
}
