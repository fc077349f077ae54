import { Inject, Injectable, Logger } from '@nestjs/common';
import { ERASED } from '@hub/domain';
import { SubjectKeyStore } from '@hub/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
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
 * handed out by one serialized queue per process, so entries become visible in sequence order
 * and a reader paging by cursor never skips one. (Several hub-api processes writing one store
 * would need a shared counter; the embedded default runs one.)
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);
  private queue: Promise<unknown> = Promise.resolve();
  private lastSequence?: number;

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
    const page = await this.store.find<StoredOutboxEntry & Record<string, unknown>>(
      OUTBOX_COLLECTION,
      {
        filter: { sequence: { $gt: after } },
        sort: [{ field: 'sequence', direction: 'asc' }],
        limit,
      },
    );
    const entries = page.items.map(answeredEntry);
    return { entries, cursor: entries.length ? entries[entries.length - 1].sequence : after };
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

  private async write(notification: Notification): Promise<{ entry: OutboxEntry; fresh: boolean }> {
    const known = await this.store.get<{ sequence: number }>(
      OUTBOX_IDS_COLLECTION,
      notification.id,
    );
    if (known) {
      const entry = await this.store.get<StoredOutboxEntry & Record<string, unknown>>(
        OUTBOX_COLLECTION,
        padded(known.sequence),
      );
      if (entry) return { entry: answeredEntry(entry), fresh: false };
    }
    const sequence = (await this.last()) + 1;
    const entry: OutboxEntry = { ...notification, sequence };
    const stored: StoredOutboxEntry = { ...entry, toKey: this.keys.addressKey(notification.to) };
    await this.store.put(OUTBOX_COLLECTION, padded(sequence), { ...stored });
    await this.store.put(OUTBOX_IDS_COLLECTION, notification.id, { sequence });
    this.lastSequence = sequence;
    return { entry, fresh: true };
  }

  private async last(): Promise<number> {
    if (this.lastSequence === undefined) {
      const page = await this.store.find<{ sequence: number }>(OUTBOX_COLLECTION, {
        sort: [{ field: 'sequence', direction: 'desc' }],
        limit: 1,
      });
      this.lastSequence = page.items[0]?.sequence ?? 0;
    }
    return this.lastSequence;
  }
}
