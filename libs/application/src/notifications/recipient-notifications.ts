import { Inject, Injectable } from '@nestjs/common';
import { SubjectKeyStore } from '@hub/event-store';
import { Document, READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { OutboxEntry, StoredOutboxEntry, answeredEntry } from './notification';
import { OUTBOX_COLLECTION } from './notification-outbox';

/** Who asks for their notifications: their user id and e-mail address (from the token). */
export interface NotificationReader {
  userId: string;
  email?: string;
}

/**
 * A caller's own notifications from the outbox (GET /v1/notifications and its stream): those
 * addressed to their e-mail or naming their user id, after a sequence, in order. A verification
 * code is never answered here: it only ever leaves through the mail service's outbox.
 */
@Injectable()
export class RecipientNotifications {
  private indexed?: Promise<void>;

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly keys: SubjectKeyStore,
  ) {}

  async after(reader: NotificationReader, after: number, limit: number): Promise<OutboxEntry[]> {
    this.indexed ??= Promise.all([
      this.store.ensureIndex(OUTBOX_COLLECTION, ['toKey', 'sequence']),
      this.store.ensureIndex(OUTBOX_COLLECTION, ['userId', 'sequence']),
    ]).then(() => undefined);
    await this.indexed;
    const find = (filter: Record<string, unknown>) =>
      this.store.find<StoredOutboxEntry & Document>(OUTBOX_COLLECTION, {
        filter: { ...filter, sequence: { $gt: after } } as never,
        sort: [{ field: 'sequence', direction: 'asc' }],
        limit,
      });
    const pages = await Promise.all([
      find({ userId: reader.userId }),
      // By the keyed hash of the address: the outbox is looked up by no address.
      ...(reader.email ? [find({ toKey: this.keys.addressKey(reader.email) })] : []),
    ]);
    const bySequence = new Map<number, OutboxEntry>();
    for (const entry of pages.flatMap((page) => page.items)) {
      if (entry.kind !== 'verification-code') bySequence.set(entry.sequence, answeredEntry(entry));
    }
    return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence).slice(0, limit);
  }
}
