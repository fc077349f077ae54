import { Inject, Injectable, Logger } from '@nestjs/common';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { NOTIFICATION_SINK, Notification, NotificationSink, OutboxEntry } from './notification';

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
    const page = await this.store.find<OutboxEntry & Record<string, unknown>>(OUTBOX_COLLECTION, {
      filter: { sequence: { $gt: after } },
      sort: [{ field: 'sequence', direction: 'asc' }],
      limit,
    });
    const entries = page.items;
    return { entries, cursor: entries.length ? entries[entries.length - 1].sequence : after };
  }

  private async write(notification: Notification): Promise<{ entry: OutboxEntry; fresh: boolean }> {
    const known = await this.store.get<{ sequence: number }>(
      OUTBOX_IDS_COLLECTION,
      notification.id,
    );
    if (known) {
      const entry = await this.store.get<OutboxEntry & Record<string, unknown>>(
        OUTBOX_COLLECTION,
        padded(known.sequence),
      );
      if (entry) return { entry, fresh: false };
    }
    const sequence = (await this.last()) + 1;
    const entry: OutboxEntry = { ...notification, sequence };
    await this.store.put(OUTBOX_COLLECTION, padded(sequence), { ...entry });
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
