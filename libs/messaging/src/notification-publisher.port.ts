/** One e-mail for another system to send (api.md "Outbound notifications"). */
export interface OutboundNotification {
  id: string;
  kind: string;
  to: string;
  subject: string;
  data: Record<string, unknown>;
  /** ISO instant. */
  createdAt: string;
}

/**
 * Hands notifications to the systems that send them. Resolves once they are durably
 * accepted (all in-sync replicas); the outbox relay then advances its cursor. Publishing the
 * same notification twice is allowed: consumers de-duplicate by `id`.
 */
export interface NotificationPublisher {
  publish(notifications: readonly OutboundNotification[]): Promise<void>;
  close(): Promise<void>;
}

/** Injection token for the `NotificationPublisher` port. */
export const NOTIFICATION_PUBLISHER = Symbol('NotificationPublisher');
