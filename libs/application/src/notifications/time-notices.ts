import { deterministicId } from '@hub/domain';
import { Recipient } from '../workflows/recipients';
import { Notification, NotificationKind } from './notification';

/**
 * A notification per recipient of a fact the hub's clock recorded. Ids derive from the event and
 * the address, so reacting to the fact again (the runner after an inline completion, a restart,
 * a second process) enqueues nothing new.
 */
export function timeNotices(
  event: { eventId: string; at: string },
  kind: NotificationKind,
  subject: string,
  data: Record<string, unknown>,
  recipients: readonly Recipient[],
): { kind: 'notify'; notification: Notification }[] {
  return recipients.map((recipient) => ({
    kind: 'notify',
    notification: {
      id: deterministicId('notification', event.eventId, recipient.email.toLowerCase()),
      kind,
      to: recipient.email,
      ...(recipient.userId ? { userId: recipient.userId } : {}),
      subject,
      data,
      createdAt: event.at,
    },
  }));
}
