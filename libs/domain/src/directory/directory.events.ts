import { DomainEvent, OrgId, PartnerId, UserId } from '../shared';

/** A domain of an organisation and whether its ownership was proven. */
export interface OrganizationDomain {
  name: string;
  status: 'claimed' | 'verified';
}

/** The directory's whole record of an organisation; lists are complete sets, not changes. */
export interface OrganizationRecord {
  orgId: OrgId;
  name: string;
  createdAt: string;
  domains: OrganizationDomain[];
  sites: string[];
  orderNumbers: string[];
  /** The partners whose Help Desk may find and serve this organisation (domain.md §7). */
  managedByPartnerIds: PartnerId[];
  administrators: { userId: UserId; email: string }[];
  licences: { sku: string; quantity: number }[];
}

/** The directory's whole record of a user. */
export interface UserRecord {
  userId: UserId;
  orgId: OrgId;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  status: string;
  licences: string[];
  devices: { deviceId: string; model: string }[];
  features: string[];
}

/** Delivery states the mail service reports (api.md "Inbound messages"). */
export type EmailStatus = 'delivered' | 'deferred' | 'bounced' | 'suppressed';

/** The directory reported a new or changed organisation record (inbound `OrganizationUpserted`). */
export type OrganizationUpserted = DomainEvent<'OrganizationUpserted', OrganizationRecord>;

/** The directory reported a new or changed user record (inbound `UserUpserted`). */
export type UserUpserted = DomainEvent<'UserUpserted', UserRecord>;

/** The mail service reported what became of a message sent to a user (inbound `EmailStatusReported`). */
export type EmailStatusReported = DomainEvent<
  'EmailStatusReported',
  { userId: UserId; email: string; messageKind: string; status: EmailStatus; at: string }
>;

/** Every fact of a `directory-org-<orgId>` stream. */
export type OrganizationDirectoryEvent = OrganizationUpserted;

/** Every fact of a `directory-user-<userId>` stream. */
export type UserDirectoryEvent = UserUpserted | EmailStatusReported;
