import {
  EmailStatusReported,
  OrganizationUpserted,
  UserUpserted,
} from '@hub/domain/directory/directory.events';
import {
  EmailSuppressionRecorded,
  SuppressionRemoved,
} from '@hub/domain/helpdesk/suppression.events';
import { HelpDeskAgentGranted } from '@hub/domain/partners/partner.events';
import {
  ReadOnlyAccessConsentGiven,
  ReadOnlyAccessConsentWithdrawn,
  SubscriptionRegistered,
} from '@hub/domain/subscriptions/customer-subscriptions.events';
import { DocKey, Projection, ProjectionDocs, RecordedOf } from '@hub/projection/projection';
import {
  HELPDESK_COLLECTIONS as C,
  ConsentDoc,
  IndexedTerms,
  LastEmail,
  OrgDoc,
  SuppressionDoc,
  TermDoc,
  UserDoc,
  agentId,
  consentId,
  managedId,
  requireAddressKey,
  termId,
} from './helpdesk.documents';
import { addressKeyOf } from '@hub/event-store';
import { lookupAddressKey } from '../address-keys';
import { TermEntry, termsOfOrg, termsOfUser } from './helpdesk.terms';

/** The events this read model folds. */
type HelpdeskEvent =
  | OrganizationUpserted
  | UserUpserted
  | EmailStatusReported
  | EmailSuppressionRecorded
  | SuppressionRemoved
  | HelpDeskAgentGranted
  | SubscriptionRegistered
  | ReadOnlyAccessConsentGiven
  | ReadOnlyAccessConsentWithdrawn;

function locate(event: RecordedOf<HelpdeskEvent>): DocKey[] {
  const { type, data } = event;
  switch (type) {
    case 'OrganizationUpserted':
      return [
        { collection: C.orgs, id: data.orgId },
        ...data.managedByPartnerIds.map((partnerId) => ({
          collection: C.managed,
          id: managedId(partnerId, data.orgId),
        })),
        ...termsOfOrg(data).map((t) => ({
          collection: C.terms,
          id: termId('org', data.orgId, t.term),
        })),
      ];
    case 'UserUpserted':
      return [
        { collection: C.users, id: data.userId },
        ...termsOfUser(data, lookupAddressKey(data)).map((t) => ({
          collection: C.terms,
          id: termId('user', data.userId, t.term),
        })),
      ];
    case 'EmailStatusReported':
      return [{ collection: C.users, id: data.userId }];
    case 'EmailSuppressionRecorded':
    case 'SuppressionRemoved':
      return [{ collection: C.suppressions, id: requireAddressKey(data) }];
    case 'HelpDeskAgentGranted':
      return [{ collection: C.agents, id: agentId(data.partnerId, data.userId) }];
    case 'SubscriptionRegistered':
      return [{ collection: C.subscriptions, id: data.subscriptionId }];
    case 'ReadOnlyAccessConsentGiven':
    case 'ReadOnlyAccessConsentWithdrawn':
      return [{ collection: C.consents, id: consentId(data.orgId, data.partnerId) }];
  }
}

/** What a term document says, to tell a changed term from one to leave alone. */
const termSignature = (entry: TermEntry, orgId: string): string =>
  `${entry.field}|${entry.match}|${entry.weight}|${orgId}`;

/**
 * Brings the entity's term documents to `entries`: deletes the ones it no longer has, writes
 * the new or changed ones, and answers the index to keep on the entity.
 */
function syncTerms(
  docs: ProjectionDocs,
  kind: 'org' | 'user',
  entityId: string,
  orgId: string,
  indexed: IndexedTerms | null,
  entries: TermEntry[],
): IndexedTerms {
  const before = new Map((indexed ?? []).map(({ term, signature }) => [term, signature]));
  const next: IndexedTerms = entries.map((entry) => ({
    term: entry.term,
    signature: termSignature(entry, orgId),
  }));
  entries.forEach((entry, index) => {
    if (before.get(entry.term) === next[index].signature) return;
    const doc: TermDoc = { ...entry, kind, entityId, orgId };
    docs.put(C.terms, termId(kind, entityId, entry.term), doc);
  });
  const kept = new Set(entries.map((entry) => entry.term));
  for (const term of before.keys())
    if (!kept.has(term)) docs.delete(C.terms, termId(kind, entityId, term));
  return next;
}

function emptyUser(userId: string): UserDoc {
  return {
    userId,
    orgId: null,
    email: '',
    emailKey: null,
    firstName: '',
    lastName: '',
    displayName: '',
    status: '',
    licences: [],
    devices: [],
    features: [],
    lastEmail: null,
    terms: null,
  };
}

function evolve(docs: ProjectionDocs, event: RecordedOf<HelpdeskEvent>): void {
  const { type, data } = event;
  switch (type) {
    case 'OrganizationUpserted': {
      const previous = docs.get<OrgDoc>(C.orgs, data.orgId);
      const terms = syncTerms(
        docs,
        'org',
        data.orgId,
        data.orgId,
        previous?.terms ?? null,
        termsOfOrg(data),
      );
      const org: OrgDoc = {
        orgId: data.orgId,
        name: data.name,
        createdAt: data.createdAt,
        domains: data.domains,
        sites: data.sites,
        orderNumbers: data.orderNumbers,
        managedByPartnerIds: data.managedByPartnerIds,
        administrators: data.administrators,
        licences: data.licences,
        terms,
      };
      docs.put(C.orgs, data.orgId, org);
      for (const partnerId of data.managedByPartnerIds)
        docs.put(C.managed, managedId(partnerId, data.orgId), { partnerId, orgId: data.orgId });
      return;
    }
    case 'UserUpserted': {
      const previous = docs.get<UserDoc>(C.users, data.userId) ?? emptyUser(data.userId);
      const emailKey = addressKeyOf(data) ?? null;
      const user: UserDoc = {
        ...previous,
        orgId: data.orgId,
        email: data.email,
        emailKey,
        firstName: data.firstName,
        lastName: data.lastName,
        displayName: data.displayName,
        status: data.status,
        licences: data.licences,
        devices: data.devices,
        features: data.features,
        terms: syncTerms(
          docs,
          'user',
          data.userId,
          data.orgId,
          previous.terms,
          termsOfUser(data, lookupAddressKey(data)),
        ),
      };
      return docs.put(C.users, data.userId, user);
    }
    case 'EmailStatusReported': {
      const user = docs.get<UserDoc>(C.users, data.userId) ?? emptyUser(data.userId);
      // Reports may arrive out of order: the view shows the latest message, not the latest report.
      if (user.lastEmail && user.lastEmail.at > data.at) return;
      const lastEmail: LastEmail = {
        email: data.email,
        messageKind: data.messageKind,
        status: data.status,
        at: data.at,
      };
      return docs.put(C.users, data.userId, { ...user, lastEmail });
    }
    case 'EmailSuppressionRecorded': {
      const doc: SuppressionDoc = {
        suppressed: true,
        reason: data.reason,
        recordedAt: data.recordedAt,
        removedAt: null,
      };
      return docs.put(C.suppressions, requireAddressKey(data), doc);
    }
    case 'SuppressionRemoved': {
      const doc = docs.get<SuppressionDoc>(C.suppressions, requireAddressKey(data));
      if (!doc) return;
      return docs.put(C.suppressions, requireAddressKey(data), {
        ...doc,
        suppressed: false,
        removedAt: data.removedAt,
      });
    }
    case 'HelpDeskAgentGranted':
      return docs.put(C.agents, agentId(data.partnerId, data.userId), {
        partnerId: data.partnerId,
        userId: data.userId,
        grantedAt: data.grantedAt,
      });
    case 'SubscriptionRegistered':
      return docs.put(C.subscriptions, data.subscriptionId, {
        subscriptionId: data.subscriptionId,
        orgId: data.orgId,
        product: data.product,
        billing: data.billing,
        providerPartnerId: data.providerPartnerId,
        registeredAt: data.registeredAt,
      });
    case 'ReadOnlyAccessConsentGiven':
    case 'ReadOnlyAccessConsentWithdrawn': {
      const doc: ConsentDoc = {
        orgId: data.orgId,
        partnerId: data.partnerId,
        allowed: 'givenAt' in data,
        at: 'givenAt' in data ? data.givenAt : data.withdrawnAt,
      };
      return docs.put(C.consents, consentId(data.orgId, data.partnerId), doc);
    }
  }
}

/**
 * Help Desk (domain.md §7): customer organisations and their users as the directory reports
 * them, the search index over them, suppressions, agents and read-only consents.
 */
export const helpdeskProjection: Projection<HelpdeskEvent> = {
  name: 'helpdesk',
  // 2: exact term index (no stale terms left for queries to drop).
  // 3: addresses indexed and suppressions keyed by the address's keyed hash, never the address.
  version: 3,
  handles: [
    'OrganizationUpserted',
    'UserUpserted',
    'EmailStatusReported',
    'EmailSuppressionRecorded',
    'SuppressionRemoved',
    'HelpDeskAgentGranted',
    'SubscriptionRegistered',
    'ReadOnlyAccessConsentGiven',
    'ReadOnlyAccessConsentWithdrawn',
  ],
  collections: [
    { name: C.orgs },
    { name: C.users, indexes: [['orgId', 'displayName']] },
    { name: C.suppressions },
    { name: C.agents },
    { name: C.managed, indexes: [['partnerId']] },
    { name: C.subscriptions, indexes: [['orgId']] },
    { name: C.consents },
    { name: C.terms, indexes: [['term'], ['orgId', 'term']] },
  ],
  locate,
  evolve,
};
