import { createHash } from 'node:crypto';
import { ConcurrencyError } from '@hub/domain';
import {
  ANY,
  AppendResult,
  EventStore,
  NewEvent,
  StreamAppend,
  appendPartByPart,
} from '../event-store.port';

/** The stream where units are begun and settled (one per log, read only at start-up). */
export const UNIT_JOURNAL_STREAM = 'hub-unit-journal';
export const UNIT_BEGUN = 'UnitBegun';
export const UNIT_COMPLETED = 'UnitCompleted';
export const UNIT_ABANDONED = 'UnitAbandoned';
/** How far back a restart looks for units left unfinished (a unit settles in milliseconds). */
const JOURNAL_TAIL = 1_000;

interface UnitBegun {
  unitId: string;
  parts: StreamAppend[];
}

type JournalStore = Pick<EventStore, 'appendToStream' | 'readStream'>;

/**
 * Multi-stream appends for an engine that has no multi-stream transaction (EventStoreDB): the
 * unit (an id's claim, then its record) is written to a journal first, then part by part, then
 * marked completed. A crash between parts leaves a unit begun and not settled, which
 * `completePending` (run at start-up) finishes by appending its parts again: parts already in
 * place are recognised by their event ids and answer as before, so nothing lands twice. A
 * retry of the same command re-appends the same ids the same way, so it never trips over its
 * own claim.
 */
export class JournaledAppends {
  constructor(private readonly store: JournalStore) {}

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length < 2) return appendPartByPart(this.store, appends);
    const unit: UnitBegun = { unitId: unitIdOf(appends), parts: [...appends] };
    await this.journal(UNIT_BEGUN, unit, appends[0].events[0]);
    const results = await this.appendParts(unit);
    await this.journal(UNIT_COMPLETED, { unitId: unit.unitId }, appends[0].events[0]);
    return results;
  }

  /** Finishes every unit begun and not settled (completed or abandoned); answers how many. */
  async completePending(): Promise<number> {
    const tail = await this.store.readStream(UNIT_JOURNAL_STREAM, {
      direction: 'backwards',
      maxCount: JOURNAL_TAIL,
    });
    const settled = new Set<string>();
    const pending: UnitBegun[] = [];
    for (const event of tail) {
      const data = event.data as unknown as UnitBegun;
      if (event.type !== UNIT_BEGUN) settled.add(data.unitId);
      else if (!settled.has(data.unitId)) pending.unshift(data);
    }
    for (const unit of pending) {
      const first = unit.parts[0].events[0];
      try {
        await this.appendParts(unit);
        await this.journal(UNIT_COMPLETED, { unitId: unit.unitId }, first);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        // Its streams moved on without it (the command was refused meanwhile): settle it as such.
        await this.journal(UNIT_ABANDONED, { unitId: unit.unitId, reason: error.message }, first);
      }
    }
    return pending.length;
  }

  private async appendParts(unit: UnitBegun): Promise<AppendResult[]> {
    try {
      return await appendPartByPart(this.store, unit.parts);
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        const first = unit.parts[0].events[0];
        await this.journal(UNIT_ABANDONED, { unitId: unit.unitId, reason: error.message }, first);
      }
      throw error;
    }
  }

  /** A journal entry, its id derived from the unit's so a retried entry is not written twice. */
  private async journal(type: string, data: object, like: NewEvent): Promise<void> {
    const unitId = (data as { unitId: string }).unitId;
    const event: NewEvent = {
      type,
      data,
      metadata: {
        ...like.metadata,
        eventId: derivedId(`${unitId}/${type}`),
        source: 'unit-journal',
      },
    };
    await this.store.appendToStream(UNIT_JOURNAL_STREAM, [event], ANY);
  }
}

/** The same unit (same event ids) always gets the same id. */
function unitIdOf(appends: readonly StreamAppend[]): string {
  const ids = appends.flatMap((part) => part.events.map((event) => event.metadata.eventId));
  return derivedId(ids.join(','));
}

/** A UUID-shaped id derived from `text` (EventStoreDB requires event ids to be UUIDs). */
function derivedId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
