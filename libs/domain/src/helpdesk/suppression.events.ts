import { DomainEvent, PartnerId, UserId } from '../shared';

/** The directory reported an address on the do-not-contact list (inbound `EmailSuppressed`). */
export type EmailSuppressionRecorded = DomainEvent<
  'EmailSuppressionRecorded',
  { email: string; reason: string; recordedAt: string }
>;

/** A Help Desk agent took the address off the list so the user gets mail again (domain.md §7). */
export type SuppressionRemoved = DomainEvent<
  'SuppressionRemoved',
  { email: string; removedBy: UserId; partnerId: PartnerId; removedAt: string }
>;

/** Every fact a suppression stream holds. */
export type SuppressionEvent = EmailSuppressionRecorded | SuppressionRemoved;
