import { Inject, Injectable, Logger } from '@nestjs/common';
import { ERASED } from '@hub/domain';
import { SubjectKeyStore } from '@hub/event-store';
import { Document, READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import {
  NOTIFICATION_SINK,
  Notification,
  NotificationSink,
  OutboxEntry,
  StoredOutboxEntry,
  answeredEntry,
} from './notification';

/** Outbox documents, keyed by their zero-padded sequence so ids sort like sequences. */
export const OUTBOX_COLLECTION = 'notifications_outbox';
/** notification id → sequence: makes enqueueing the same notification twice a no-op. */
export const OUTBOX_IDS_COLLECTION = 'notifications_outbox_ids';

const padded = (sequence: number) => String(sequence).padStart(16, '0');

/**
 * The outbox of api.md "Outbound notifications", in the read-model store (a verification code
 * must never enter the event log, so the outbox cannot be a projection of it). Sequences are
 * taken from the store, not from a process (see `write`): any number of processes may enqueue,
 * each notification is there once, and a reader paging by cursor never skips one. Within a
 * process one serialized queue saves them from racing each other for the same sequence.
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(NOTIFICATION_SINK) private readonly sink: NotificationSink,
    private readonly keys: SubjectKeyStore,
  ) {}

  /** Enqueues the notification unless its id is already there; then hands it to the sink. */
  async enqueue(notification: Notification): Promise<OutboxEntry> {
    const step = this.queue.then(() => this.write(notification));
    this.queue = step.catch(() => undefined);
    const { entry, fresh } = await step;
    if (fresh) {
      // The outbox is the record; a sink that fails is retried by its own consumer reading the outbox.
      await this.sink.publish(notification).catch((error: Error) => {
        this.logger.warn(`notification ${notification.id} not published: ${error.message}`);
      });
    }
    return entry;
  }

  /** Entries after the cursor (a sequence), in order; the answer's cursor is the last one read. */
  async page(after: number, limit: number): Promise<{ entries: OutboxEntry[]; cursor: number }> {
    const page = await this.store.find<StoredOutboxEntry & Document>(OUTBOX_COLLECTION, {
      filter: { sequence: { $gt: after } },
      sort: [{ field: 'sequence', direction: 'asc' }],
      limit,
    });
    const read = page.items;
    const cursor = read.length ? read[read.length - 1].sequence : after;
    // A gap (a sequence another process's copy of the notification took first) is passed over.
    const entries = read.filter((entry) => entry.id !== undefined).map(answeredEntry);
    return { entries, cursor };
  }
  /**
   * Erasure (domain.md §10): every entry addressed to one of the erased addresses (their keyed
   * hashes) keeps its place, kind and subject, but no longer the address nor what it said to
   * them (its data may name them). The outbox is no projection, so no rebuild would do this.
   */
  async eraseRecipients(addressKeys: readonly string[]): Promise<number> {
    if (addressKeys.length === 0) return 0;
    await this.store.ensureIndex(OUTBOX_COLLECTION, ['toKey', 'sequence']);
    let erased = 0;
    let cursor: string | undefined;
    do {
      const page = await this.store.find<StoredOutboxEntry & Record<string, unknown>>(
        OUTBOX_COLLECTION,
        { filter: { toKey: { $in: [...addressKeys] } }, limit: 500, cursor },
      );
      for (const entry of page.items) {
        if (entry.to === ERASED) continue;
        await this.store.put(OUTBOX_COLLECTION, padded(entry.sequence), {
          ...entry,
          to: ERASED,
          data: {},
        });
        erased += 1;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return erased;
  }

  /**
   * Writes the entry under the next free sequence, then claims the notification's id for it.
   * Both writes only ever create (a batch at position 1 never overwrites what one wrote), so two
   * processes cannot take one sequence or both keep one notification: the loser of a sequence
   * tries the next, the loser of an id empties its entry (a gap the cursor steps over). A
   * sequence is tried only once the one before it is written, so entries become visible in
   * sequence order across processes too.
   */
  private async write(notification: Notification): Promise<{ entry: OutboxEntry; fresh: boolean }> {
    const known = await this.entryOf(notification.id);
    if (known) return { entry: known, fresh: false };
    for (let sequence = (await this.last()) + 1; ; sequence += 1) {
      const entry: OutboxEntry = { ...notification, sequence };
      const stored: StoredOutboxEntry = { ...entry, toKey: this.keys.addressKey(notification.to) };
      await this.create(OUTBOX_COLLECTION, padded(sequence), { ...stored });
      const taken = await this.store.get<OutboxEntry & Document>(
        OUTBOX_COLLECTION,
        padded(sequence),
      );
      if (taken?.id !== notification.id) continue;
      await this.create(OUTBOX_IDS_COLLECTION, notification.id, { sequence });
      const claim = await this.store.get<{ sequence: number }>(
        OUTBOX_IDS_COLLECTION,
        notification.id,
      );
      if (claim?.sequence === sequence) return { entry, fresh: true };
      // A reader may have passed this sequence already: it stays, as a gap nobody is sent.
      await this.store.applyBatch({
        projection: OUTBOX_COLLECTION,
        changes: [
          { kind: 'put', collection: OUTBOX_COLLECTION, id: padded(sequence), doc: { sequence } },
        ],
        checkpoint: '2',
      });
      const first = await this.entryOf(notification.id);
      if (first) return { entry: first, fresh: false };
    }
  }

  private async entryOf(id: string): Promise<OutboxEntry | null> {
    const known = await this.store.get<{ sequence: number }>(OUTBOX_IDS_COLLECTION, id);
    if (!known) return null;
    const entry = await this.store.get<StoredOutboxEntry & Document>(
      OUTBOX_COLLECTION,
      padded(known.sequence),
    );
    return entry ? answeredEntry(entry) : null;
  }

  /** Writes a document only where none was written this way before (create, never overwrite). */
  private create(collection: string, id: string, doc: Document): Promise<void> {
    return this.store.applyBatch({
      projection: OUTBOX_COLLECTION,
      changes: [{ kind: 'put', collection, id, doc }],
      checkpoint: '1',
    });
  }

  /** The highest sequence written, by any process. */
  private async last(): Promise<number> {
    const page = await this.store.find<{ sequence: number }>(OUTBOX_COLLECTION, {
      sort: [{ field: 'sequence', direction: 'desc' }],
      limit: 1,
    });
    return page.items[0]?.sequence ?? 0;
  }
}
