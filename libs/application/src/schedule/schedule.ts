import { Inject, Injectable } from '@nestjs/common';
import { Document, READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { Timer } from './timer';

/** The schedule's documents: one per pending due time, by key, indexed by due time and owner. */
export const SCHEDULE_COLLECTION = 'schedule';

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

  /** Forgets a fired due time, unless a later fact re-derived it for another instant meanwhile. */
  async done(timer: Timer): Promise<void> {
    const stored = await this.store.get<Timer & Document>(SCHEDULE_COLLECTION, timer.key);
    if (stored && stored.dueAt === timer.dueAt) {
      await this.store.delete(SCHEDULE_COLLECTION, timer.key);
    }
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
