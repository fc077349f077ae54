import { addressKeyOf } from '@hub/event-store';

/** The directory's record of a customer organisation, as Help Desk agents see it (domain.md §7). */
export interface OrgDoc {
  [key: string]: unknown;
  orgId: string;
  name: string;
  createdAt: string;
  domains: { name: string; status: 'claimed' | 'verified' }[];
  sites: string[];
  orderNumbers: string[];
  managedByPartnerIds: string[];
  administrators: { userId: string; email: string }[];
  licences: { sku: string; quantity: number }[];
  /** The entity's search terms as indexed (see helpdesk.terms.ts). */
  terms: IndexedTerms;
}

/** The last e-mail the mail service reported about a user. */
export interface LastEmail {
  email: string;
  messageKind: string;
  status: 'delivered' | 'deferred' | 'bounced' | 'suppressed';
  at: string;
}

/**
 * A directory user. An e-mail report may arrive before the user's record: the document then
 * holds only `lastEmail` and `terms` is null (the user is not searchable yet).
 */
export interface UserDoc {
  [key: string]: unknown;
  userId: string;
  orgId: string | null;
  /** Shown by the views; '[erased]' once the person is erased and the projection rebuilt. */
  email: string;
  /** The keyed hash of the address (`addressKeyOf`): how the user view finds a suppression. */
  emailKey: string | null;
  firstName: string;
  lastName: string;
  displayName: string;
  status: string;
  licences: string[];
  devices: { deviceId: string; model: string }[];
  features: string[];
  lastEmail: LastEmail | null;
  terms: IndexedTerms | null;
}

/**
 * An address on the do-not-contact list (or taken off it), keyed by the keyed hash of the
 * normalised address: the list holds no address, and still answers for an erased person's.
 */
export interface SuppressionDoc {
  [key: string]: unknown;
  suppressed: boolean;
  reason: string;
  recordedAt: string;
  removedAt: string | null;
}

/** A user holding the hub-granted HelpDeskAgent role of a partner. */
export interface AgentDoc {
  [key: string]: unknown;
  partnerId: string;
  userId: string;
  grantedAt: string;
}

/**
 * "Partner manages org" as last written by an upsert naming the partner. A partner dropped by
 * a later upsert leaves its doc behind (locate cannot name it), so this only narrows the
 * search; the org document's `managedByPartnerIds` is the authority every answer is checked against.
 */
export interface ManagedDoc {
  [key: string]: unknown;
  partnerId: string;
  orgId: string;
}

/** A subscription of a customer organisation (its licences and subscriptions, domain.md §7). */
export interface SubscriptionDoc {
  [key: string]: unknown;
  subscriptionId: string;
  orgId: string;
  product: string;
  billing: string;
  providerPartnerId: string;
  registeredAt: string;
}

/** Whether the customer lets a partner open it as a read-only administrator. */
export interface ConsentDoc {
  [key: string]: unknown;
  orgId: string;
  partnerId: string;
  allowed: boolean;
  at: string;
}

/**
 * The term documents an entity has, with what each says (`termSignature`). A list, not a map
 * keyed by term: terms hold dots (domains, addresses), which MongoDB field names may not.
 */
export type IndexedTerms = { term: string; signature: string }[];

/** One searchable term of one organisation or user (see helpdesk.terms.ts). */
export interface TermDoc {
  [key: string]: unknown;
  term: string;
  kind: 'org' | 'user';
  entityId: string;
  orgId: string;
  field: SearchField;
  match: 'whole' | 'word';
  weight: number;
}

/** The attributes an agent searches by (domain.md §7). */
export type SearchField =
  | 'orgId'
  | 'orgName'
  | 'domain'
  | 'site'
  | 'orderNumber'
  | 'userId'
  | 'email'
  | 'emailDomain'
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'displayName';

export const HELPDESK_COLLECTIONS = {
  orgs: 'orgs',
  users: 'users',
  suppressions: 'suppressions',
  agents: 'agents',
  managed: 'managed',
  subscriptions: 'subscriptions',
  consents: 'consents',
  terms: 'terms',
} as const;

export const agentId = (partnerId: string, userId: string): string => `${partnerId}:${userId}`;
export const managedId = (partnerId: string, orgId: string): string => `${partnerId}:${orgId}`;
export const consentId = (orgId: string, partnerId: string): string => `${orgId}:${partnerId}`;
export const termId = (kind: 'org' | 'user', entityId: string, term: string): string =>
  `${kind}:${entityId}:${term}`;

/**
 * The term an address is found by: its keyed hash, marked with capitals so that no query
 * (normalised to lower case) reaches it as a prefix; only the whole address, keyed, finds it.
 */
export const addressTerm = (addressKey: string): string => `ADDRESS:${addressKey}`;

/** The address key of a record read through the personal-data codec; a wiring error without. */
export function requireAddressKey(record: object): string {
  const key = addressKeyOf(record);
  if (key === undefined)
    throw new Error('an address record was read without the personal-data codec: no address key');
  return key;
}
