import { Inject, Injectable } from '@nestjs/common';
import { Document, DocumentChange, READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { Timer } from './timer';

/** The schedule's documents: one per pending due time, by key, indexed by due time and owner. */
export const SCHEDULE_COLLECTION = 'schedule';

/** The key of the mark saying how far the schedule was derived from the log. */
const MARK = '~derived';

/** The highest position every adapter takes (SQLite keeps it as a signed 64-bit integer). */
const LAST = ((1n << 63n) - 1n).toString();

/**
 * The durable schedule (architecture.md "Time, workflows and notifications"): pending due times
 * in the read-model store, written by the workflows as facts are recorded (so it can always be
 * derived again from the log), read by the clock in due-time order. A due time is a hint, not a
 * fact: the decider it commands decides whether it still holds, so a stale or doubled entry
 * records nothing.
 */
@Injectable()
export class Schedule {
  private indexed?: Promise<void>;

  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async put(timer: Timer): Promise<void> {
    await this.ready();
    await this.store.put(SCHEDULE_COLLECTION, timer.key, { ...timer });
  }

  /** Removes every pending due time of an owner (a later fact made them moot). */
  async cancel(owner: string): Promise<void> {
    await this.ready();
    for (;;) {
      const page = await this.store.find<Timer & Document>(SCHEDULE_COLLECTION, {
        filter: { owner },
        limit: 100,
      });
      for (const doc of page.items) await this.store.delete(SCHEDULE_COLLECTION, doc.key);
      if (page.items.length < 100) return;
    }
  }

  /** The earliest due times at or before `now`, in due-time order. */
  async due(now: Date, limit: number): Promise<Timer[]> {
    await this.ready();
    const page = await this.store.find<Timer & Document>(SCHEDULE_COLLECTION, {
      filter: { dueAt: { $lte: now.toISOString() } },
      sort: [{ field: 'dueAt', direction: 'asc' }],
      limit,
    });
    return page.items;
  }

  /**
   * Forgets fired due times, except those a later fact re-derived for another instant meanwhile:
   * one read and one write for the lot (a write per due time bound the clock's firing rate).
   */
  async done(timers: readonly Timer[]): Promise<void> {
    if (timers.length === 0) return;
    const firedAt = new Map(timers.map((timer) => [timer.key, timer.dueAt]));
    const stored = await this.store.getMany<Timer & Document>(SCHEDULE_COLLECTION, [
      ...firedAt.keys(),
    ]);
    const changes = stored
      .filter((entry) => firedAt.get(entry.key) === entry.dueAt)
      .map((entry) => ({
        kind: 'delete' as const,
        collection: SCHEDULE_COLLECTION,
        id: entry.key,
      }));
    if (changes.length === 0) return;
    // A batch's changes apply only over documents written at an older position, and the schedule
    // is written outside positions (put, or the bench's seed): the highest one always applies.
    await this.store.applyBatch({ projection: SCHEDULE_COLLECTION, changes, checkpoint: LAST });
  }

  /**
   * Where the schedule was last derived from the whole log (see ScheduleBackfill), or null: a
   * store from before the schedule, or one whose schedule was lost. The mark lives among the due
   * times (it has no due time, so it never falls due), so it is lost with them.
   */
  async derivedThrough(): Promise<string | null> {
    await this.ready();
    const mark = await this.store.get<{ position: string | null }>(SCHEDULE_COLLECTION, MARK);
    return mark ? (mark.position ?? '') : null;
  }

  /** Writes derived due times in batches, then the mark: derived through `position` of the log. */
  async derive(timers: Iterable<Timer>, position: string | null): Promise<void> {
    await this.ready();
    let changes: DocumentChange[] = [];
    const flush = async () => {
      if (changes.length > 0) {
        await this.store.applyBatch({ projection: SCHEDULE_COLLECTION, changes, checkpoint: LAST });
      }
      changes = [];
    };
    for (const timer of timers) {
      changes.push({
        kind: 'put',
        collection: SCHEDULE_COLLECTION,
        id: timer.key,
        doc: { ...timer },
      });
      if (changes.length >= 5_000) await flush();
    }
    await flush();
    await this.store.put(SCHEDULE_COLLECTION, MARK, { key: MARK, position });
  }

  count(): Promise<number> {
    return this.store.count(SCHEDULE_COLLECTION);
  }

  private ready(): Promise<void> {
    this.indexed ??= (async () => {
      await this.store.ensureIndex(SCHEDULE_COLLECTION, ['dueAt']);
      await this.store.ensureIndex(SCHEDULE_COLLECTION, ['owner']);
    })();
    return this.indexed;
  }
}
