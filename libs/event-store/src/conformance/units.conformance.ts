import { ConcurrencyError } from '@hub/domain';
import { NO_STREAM, StreamAppend } from '../event-store.port';
import { DyingEventStore, ProcessDiedError } from '../units/dying-event-store';
import {
  JournaledAppends,
  UNIT_BEGUN,
  UNIT_COMPLETED,
  UNIT_JOURNAL_STREAM,
} from '../units/journaled-appends';
import { StoreUnderTest, newEvent, numbered, uniqueStream } from './conformance.fixtures';

/**
 * Units appended part by part (what EventStoreDB does, having no multi-stream transaction),
 * killed between any two of their appends by a fault-injecting store, then finished by a
 * restart: every part lands exactly once, and a retry of the same unit answers as the first.
 */
export function unitsConformance(store: StoreUnderTest): void {
  describe('multi-stream units part by part, crash-safe', () => {
    const unit = (): StreamAppend[] => {
      const [claim, record] = [uniqueStream('id-consumption-'), uniqueStream('ledger-')];
      return [
        {
          stream: claim,
          events: [newEvent('IdClaimed', { owner: record })],
          expectedRevision: NO_STREAM,
        },
        { stream: record, events: numbered(2, 'ConsumptionLogged'), expectedRevision: NO_STREAM },
      ];
    };
    const idsOf = async (stream: string) =>
      (await store().readStream(stream)).map((event) => event.metadata.eventId);

    // Appends of one unit: journal begun, claim, record, journal completed.
    it.each([0, 1, 2, 3])(
      'dies after %i of its 4 appends; a restart completes it and a retry adds nothing',
      async (survivingAppends) => {
        const parts = unit();
        const dying = new DyingEventStore(store(), survivingAppends);
        await expect(new JournaledAppends(dying).appendToStreams(parts)).rejects.toBeInstanceOf(
          ProcessDiedError,
        );

        const restarted = new JournaledAppends(store());
        expect(await restarted.completePending()).toBe(survivingAppends === 0 ? 0 : 1);
        const landed =
          survivingAppends === 0
            ? [[], []]
            : parts.map((p) => p.events.map((e) => e.metadata.eventId));
        expect(await idsOf(parts[0].stream)).toEqual(landed[0]);
        expect(await idsOf(parts[1].stream)).toEqual(landed[1]);
        expect(await restarted.completePending()).toBe(0);

        // The client's retry of the same command: the same ids, not refused by its own claim.
        const results = await restarted.appendToStreams(parts);
        expect(results.map((r) => r.nextExpectedRevision)).toEqual([0, 1]);
        expect(await idsOf(parts[0].stream)).toHaveLength(1);
        expect(await idsOf(parts[1].stream)).toHaveLength(2);
        expect(await restarted.appendToStreams(parts)).toEqual(results);
      },
    );

    it('journals a unit as begun then completed, and a single part not at all', async () => {
      const parts = unit();
      const journal = new JournaledAppends(store());
      const before = await store().readStream(UNIT_JOURNAL_STREAM);
      await journal.appendToStreams(parts);
      await journal.appendToStreams([{ ...unit()[0] }]);
      const after = (await store().readStream(UNIT_JOURNAL_STREAM)).slice(before.length);
      expect(after.map((event) => event.type)).toEqual([UNIT_BEGUN, UNIT_COMPLETED]);
    });

    it('settles a unit whose claim another writer took first as abandoned, appending nothing of it', async () => {
      const parts = unit();
      await store().appendToStream(parts[0].stream, [newEvent('IdClaimed')], NO_STREAM);
      const journal = new JournaledAppends(store());
      await expect(journal.appendToStreams(parts)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await idsOf(parts[1].stream)).toEqual([]);
      expect(await journal.completePending()).toBe(0);
    });
  });
}
