/** What an outbound notification asks another system to do (api.md "Outbound notifications"). */
export type NotificationKind =
  | 'invitation'
  | 'verification-code'
  | 'gdap-approval-request'
  // The clock's facts (domain.md §9), named as api.md lists them.
  | 'case_target_warning'
  | 'case_breached'
  | 'balance_warning'
  | 'balance_exhausted'
  | 'contract_expiring'
  | 'contract_expired'
  | 'package_expiring'
  | 'package_expired'
  | 'gdap_expiring'
  | 'gdap_expired'
  | 'gdap_extended'
  | 'gdap_request_lapsed'
  | 'readonly_session_expired';

/** A message for another system (the mail service): whom to write to, about what. */
export interface Notification {
  /** Stable: derived from the event or command that caused it, so a replay enqueues nothing new. */
  id: string;
  kind: NotificationKind;
  /** The recipient's e-mail address. */
  to: string;
  /** The recipient's user id, where the hub knows them (GET /v1/notifications matches it). */
  userId?: string;
  subject: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/** A notification as the outbox answers it, with its place in the outbox order. */
export interface OutboxEntry extends Notification {
  /** Monotonic, 1-based; the page cursor is the last sequence read. */
  sequence: number;
}

/**
 * An outbox entry as stored: with the keyed hash of the recipient's address
 * (`SubjectKeyStore.addressKey`), by which a recipient finds their notifications and an
 * erasure finds what was addressed to the person. Never answered.
 */
export interface StoredOutboxEntry extends OutboxEntry {
  toKey: string;
}

/** The entry as answered: without its stored look-up key. */
export function answeredEntry({ toKey: _toKey, ...entry }: StoredOutboxEntry): OutboxEntry {
  return entry;
}

/**
 * Where notifications go once they are safely in the outbox (e.g. Kafka topic
 * `hub.notifications.v1`). Delivery is at least once: a consumer de-duplicates by `id`.
 */
export interface NotificationSink {
  publish(notification: Notification): Promise<void>;
}

/** Injection token for the `NotificationSink` port; the default sink publishes nowhere. */
export const NOTIFICATION_SINK = Symbol('NotificationSink');

/** The sink used until one is configured: the outbox alone carries the notifications. */
export class NoNotificationSink implements NotificationSink {
  async publish(): Promise<void> {}
}
