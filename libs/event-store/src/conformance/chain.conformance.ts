import { ANY, EventStore, NO_STREAM } from '../event-store.port';
import { EventLogIntegrity } from '../integrity/hash-chain';
import { StoreUnderTest, numbered, uniqueStream } from './conformance.fixtures';

const hasChain = (store: EventStore): store is EventStore & EventLogIntegrity =>
  typeof (store as Partial<EventLogIntegrity>).verifyChain === 'function';

/**
 * The hash chain as every engine must show it (domain.md §10): appended events verify, and the
 * head is the last event appended. What each engine chains to differs (see the adapters).
 */
export function chainConformance(store: StoreUnderTest): void {
  describe('hash chain', () => {
    it('verifies what was appended, however it was appended, and names the head', async () => {
      const current = store();
      if (!hasChain(current)) throw new Error('the store under test has no hash chain');
      const before = await current.headPosition();
      const [a, b] = [uniqueStream(), uniqueStream()];
      await current.appendToStream(a, numbered(3), NO_STREAM);
      await current.appendToStreams([
        { stream: b, events: numbered(2), expectedRevision: NO_STREAM },
        { stream: a, events: numbered(2, 'Numbered', 3), expectedRevision: 2 },
      ]);
      const last = await current.appendToStream(b, numbered(1, 'Numbered', 2), ANY);
      // Bounded by what this test wrote: a shared server (EventStoreDB) may see other writers.
      const head = await current.chainHead();
      expect(head!.position >= last.position).toBe(true);
      const range = {
        ...(before === null ? {} : { fromPosition: before + 1n }),
        toPosition: last.position,
      };
      const result = await current.verifyChain(range);
      expect(result).toMatchObject({ verified: true, checkedTo: last.position });
      expect(result.checked).toBeGreaterThanOrEqual(8);
      if (head!.position === last.position) expect(result.headHash).toBe(head!.hash);
      // Reads show the metadata as appended: no engine's chain bookkeeping leaks into it.
      const [first] = await current.readStream(a, { maxCount: 1 });
      expect(Object.keys(first.metadata).sort()).toEqual([
        'actor',
        'causationId',
        'correlationId',
        'eventId',
        'occurredAt',
        'schemaVersion',
        'source',
      ]);
    });
  });
}
