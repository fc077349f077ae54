import { HeldDocuments } from '@hub/projection/held-documents';
import { evolveEvents } from '@hub/projection/projection-batch';
import { physicalCollection } from '@hub/projection/projection';
import {
  expectIdempotent,
  givenEvents,
  recordedEvents,
  specAddressKey,
} from '@hub/testing/projection/projection-specs';
import { TermDoc, addressTerm } from './helpdesk.documents';
import { agentGranted, orgUpserted, userUpserted } from './helpdesk.fixtures';
import { helpdeskProjection } from './helpdesk.projection';

const contoso = orgUpserted('o1', {
  name: 'Contoso Ltd',
  domains: [{ name: 'contoso.example', status: 'verified' }],
  sites: ['contoso.webex.example'],
  orderNumbers: ['ORD-100'],
  managedByPartnerIds: ['p1'],
  administrators: [{ userId: 'u1', email: 'ada@contoso.example' }],
  licences: [{ sku: 'MEETINGS', quantity: 10 }],
});
const ada = userUpserted('u1', 'o1', {
  email: 'Ada.Lovelace@Contoso.example',
  firstName: 'Ada',
  lastName: 'Lovelace',
  displayName: 'Ada L.',
  devices: [{ deviceId: 'd1', model: 'Desk Pro' }],
  features: ['recording'],
  licences: ['MEETINGS'],
});

const history = [
  contoso,
  ada,
  {
    type: 'EmailStatusReported',
    data: {
      userId: 'u1',
      email: 'ada.lovelace@contoso.example',
      messageKind: 'welcome',
      status: 'bounced',
      at: '2025-04-02T00:00:00Z',
    },
  },
  {
    // An older report arriving late does not replace the latest message's status.
    type: 'EmailStatusReported',
    data: {
      userId: 'u1',
      email: 'ada.lovelace@contoso.example',
      messageKind: 'welcome',
      status: 'delivered',
      at: '2025-04-01T00:00:00Z',
    },
  },
  {
    type: 'EmailSuppressionRecorded',
    data: {
      email: 'Ada.Lovelace@contoso.example',
      reason: 'bounced',
      recordedAt: '2025-04-03T00:00:00Z',
    },
  },
  agentGranted('p1', 'agent-1'),
  {
    type: 'SubscriptionRegistered',
    data: {
      orgId: 'o1',
      subscriptionId: 's1',
      product: 'office365',
      billing: 'paid',
      providerPartnerId: 'p1',
      registeredAt: '2025-03-02T00:00:00Z',
    },
  },
  {
    type: 'ReadOnlyAccessConsentGiven',
    data: { orgId: 'o1', partnerId: 'p1', givenBy: 'u1', givenAt: '2025-04-04T00:00:00Z' },
  },
  {
    type: 'SuppressionRemoved',
    data: {
      email: 'ada.lovelace@contoso.example',
      removedBy: 'agent-1',
      partnerId: 'p1',
      removedAt: '2025-04-05T00:00:00Z',
    },
  },
];

const termsOf = (terms: Record<string, TermDoc>, entity: string) =>
  Object.values(terms)
    .filter((t) => `${t.kind}:${t.entityId}` === entity)
    .map((t) => `${t.field}/${t.match}:${t.term}`)
    .sort();

describe('helpdesk projection', () => {
  it('keeps orgs, users with their last e-mail, suppressions, agents, subscriptions and consents', () => {
    givenEvents(helpdeskProjection, history).thenDocuments((docs) => {
      expect(docs.orgs.o1).toMatchObject({
        orgId: 'o1',
        name: 'Contoso Ltd',
        createdAt: '2025-03-01T09:00:00Z',
        sites: ['contoso.webex.example'],
        managedByPartnerIds: ['p1'],
        licences: [{ sku: 'MEETINGS', quantity: 10 }],
      });
      expect(docs.orgs.o1.terms).toContainEqual({
        term: 'contoso ltd',
        signature: 'orgName|whole|7|o1',
      });
      expect(docs.users.u1).toMatchObject({
        orgId: 'o1',
        displayName: 'Ada L.',
        devices: [{ deviceId: 'd1', model: 'Desk Pro' }],
        features: ['recording'],
        lastEmail: {
          email: 'ada.lovelace@contoso.example',
          messageKind: 'welcome',
          status: 'bounced',
          at: '2025-04-02T00:00:00Z',
        },
      });
      expect(docs.users.u1.terms).toContainEqual(expect.objectContaining({ term: 'ada' }));
      // The list is keyed by the address's keyed hash, and holds no address.
      const adaKey = specAddressKey('ada.lovelace@contoso.example');
      expect(docs.users.u1.emailKey).toBe(adaKey);
      expect(JSON.stringify(docs.suppressions)).not.toContain('@');
      expect(docs.suppressions[adaKey]).toMatchObject({
        suppressed: false,
        reason: 'bounced',
        removedAt: '2025-04-05T00:00:00Z',
      });
      expect(docs.agents['p1:agent-1']).toMatchObject({ partnerId: 'p1', userId: 'agent-1' });
      expect(docs.managed['p1:o1']).toMatchObject({ partnerId: 'p1', orgId: 'o1' });
      expect(docs.subscriptions.s1).toMatchObject({ orgId: 'o1', product: 'office365' });
      expect(docs.consents['o1:p1']).toMatchObject({ allowed: true });
    });
  });

  it('indexes every searchable attribute of domain.md §7 as lower-cased whole values and words, the address by its keyed hash', () => {
    givenEvents(helpdeskProjection, [contoso, ada]).thenDocuments((docs) => {
      const terms = docs.terms as Record<string, TermDoc>;
      expect(termsOf(terms, 'org:o1')).toEqual([
        'domain/whole:contoso.example',
        'orderNumber/whole:ord-100',
        'orgId/whole:o1',
        'orgName/whole:contoso ltd',
        'orgName/word:contoso',
        'orgName/word:ltd',
        'site/whole:contoso.webex.example',
      ]);
      expect(termsOf(terms, 'user:u1')).toEqual([
        'displayName/whole:ada l.',
        `email/whole:${addressTerm(specAddressKey('ada.lovelace@contoso.example'))}`,
        'emailDomain/whole:contoso.example',
        'firstName/whole:ada',
        'fullName/whole:ada lovelace',
        'lastName/whole:lovelace',
        'userId/whole:u1',
      ]);
      expect(terms['user:u1:ada']).toMatchObject({ orgId: 'o1', weight: 6 });
    });
  });

  it('deletes the terms a re-upsert no longer has, and writes no term for an unchanged record', () => {
    const renamed = userUpserted('u1', 'o1', { firstName: 'Augusta', lastName: 'Lovelace' });
    givenEvents(helpdeskProjection, [contoso, ada, renamed]).thenDocuments((docs) => {
      const terms = docs.terms as Record<string, TermDoc>;
      expect(terms['user:u1:augusta']).toMatchObject({ field: 'firstName', orgId: 'o1' });
      expect(terms['user:u1:lovelace']).toBeDefined();
      expect(terms['user:u1:ada']).toBeUndefined();
      expect((docs.users.u1.terms as { term: string }[]).map((t) => t.term).sort()).toEqual(
        termsOf(terms, 'user:u1')
          .map((t) => t.split(':').slice(1).join(':'))
          .sort(),
      );
    });
    const [org, user, resent] = recordedEvents([contoso, ada, ada]);
    const held = new HeldDocuments();
    evolveEvents(helpdeskProjection, 'spec', held, [org, user]);
    const { changes } = evolveEvents(helpdeskProjection, 'spec', held, [resent]);
    expect(changes.map((c) => c.collection)).toEqual([physicalCollection('spec', 'users')]);
  });

  it('moves a user’s terms with the user to another organisation', () => {
    givenEvents(helpdeskProjection, [contoso, ada, userUpserted('u1', 'o2')]).thenDocuments(
      (docs) => {
        const terms = Object.values(docs.terms as Record<string, TermDoc>);
        expect(terms.filter((t) => t.entityId === 'u1').every((t) => t.orgId === 'o2')).toBe(true);
      },
    );
  });

  it('keeps an e-mail report that arrives before the user record, unsearchable until then', () => {
    const report = {
      type: 'EmailStatusReported',
      data: {
        userId: 'u9',
        email: 'x@y.example',
        messageKind: 'welcome',
        status: 'deferred',
        at: '2025-01-01T00:00:00Z',
      },
    };
    givenEvents(helpdeskProjection, [report]).thenDocuments((docs) => {
      expect(docs.users.u9).toMatchObject({
        orgId: null,
        terms: null,
        lastEmail: { status: 'deferred' },
      });
    });
    givenEvents(helpdeskProjection, [report, userUpserted('u9', 'o1')]).thenDocuments((docs) => {
      expect(docs.users.u9).toMatchObject({ orgId: 'o1', lastEmail: { status: 'deferred' } });
    });
  });

  it('gives the same documents when every event is applied twice', () => {
    expectIdempotent(helpdeskProjection, [
      ...history,
      userUpserted('u1', 'o1', { firstName: 'Augusta' }),
      orgUpserted('o1', { name: 'Contoso Group', managedByPartnerIds: ['p2'] }),
    ]);
  });
});
