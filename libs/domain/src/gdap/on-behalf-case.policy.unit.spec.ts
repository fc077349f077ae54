import { OrgId, PartnerId, RelationshipId, SubscriptionId, UserId, fold } from '../shared';
import { PartnerCaller } from '../partners/partner-caller';
import { partnerDecider } from '../partners/partner.decider';
import { PartnerKind } from '../partners/partner.events';
import { customerSubscriptionsDecider } from '../subscriptions/customer-subscriptions.decider';
import {
  CustomerSubscriptionsEvent,
  Product,
} from '../subscriptions/customer-subscriptions.events';
import { gdapDecider } from './gdap.decider';
import { GdapRole } from './gdap-roles';
import {
  OnBehalfCaseInput,
  authorizeDirectCase,
  authorizeOnBehalfCase,
} from './on-behalf-case.policy';

const partnerId = 'p-1' as PartnerId;
const orgId = 'org-1' as OrgId;
const at = '2025-01-15T00:00:00.000Z';
const agent: PartnerCaller = {
  userId: 'u-a' as UserId,
  orgId: 'p-1' as OrgId,
  providerRoles: [],
  partnerRoles: ['AdminAgent'],
};
const contact = { name: 'Pat Partner', email: 'pat@fabrikam.example', phone: '+1 555 0101' };
const isvContact = {
  url: 'https://isv.example/help',
  email: 'help@isv.example',
  phone: '+1 555 0199',
};

const partner = (kind: PartnerKind = 'direct-provider') =>
  fold(partnerDecider, [
    { type: 'PartnerRegistered', data: { partnerId, name: 'Fabrikam', kind, registeredAt: at } },
  ]);

const subscription = (
  id: string,
  product: Product,
  extra: object = {},
): CustomerSubscriptionsEvent => ({
  type: 'SubscriptionRegistered',
  data: {
    orgId,
    subscriptionId: id as SubscriptionId,
    product,
    billing: 'paid',
    providerPartnerId: partnerId,
    registeredAt: at,
    ...extra,
  },
});
const access = (id: string): CustomerSubscriptionsEvent => ({
  type: 'PartnerSubscriptionAccessGranted',
  data: {
    orgId,
    subscriptionId: id as SubscriptionId,
    partnerId,
    grantedBy: 'u-ca' as UserId,
    grantedAt: at,
  },
});
const customer = fold(customerSubscriptionsDecider, [
  subscription('az-1', 'azure'),
  access('az-1'),
  subscription('az-2', 'azure'),
  subscription('az-3', 'azure', { providerPartnerId: 'p-9' }),
  subscription('m-1', 'marketplace', { isvContact }),
]);

const relationship = (
  roles: GdapRole[],
  approvedAt = '2025-01-01T00:00:00.000Z',
  durationDays = 30,
) =>
  fold(gdapDecider, [
    {
      type: 'GdapRelationshipRequested',
      data: {
        relationshipId: 'rel-1' as RelationshipId,
        partnerId,
        customerOrgId: orgId,
        roles,
        durationDays,
        requestedBy: 'u-pa' as UserId,
        requestedAt: approvedAt,
        approvalDeadline: '2025-04-01T00:00:00.000Z',
      },
    },
    {
      type: 'GdapRelationshipApproved',
      data: {
        relationshipId: 'rel-1' as RelationshipId,
        approvedBy: 'u-ca' as UserId,
        approvedAt,
        endsAt: new Date(Date.parse(approvedAt) + durationDays * 86_400_000).toISOString(),
      },
    },
  ]);

const input = (overrides: Partial<OnBehalfCaseInput> = {}): OnBehalfCaseInput => ({
  caller: agent,
  partnerId,
  partner: partner(),
  customerOrgId: orgId,
  customer,
  relationships: [relationship(['ServiceSupportAdministrator'])],
  workload: 'azure',
  subscriptionId: 'az-1' as SubscriptionId,
  partnersOwnSubscription: false,
  partnerContact: contact,
  at,
  ...overrides,
});

function refusal(run: () => unknown): {
  code: string;
  status: number;
  details?: Record<string, unknown>;
} {
  try {
    run();
  } catch (error) {
    return error as { code: string; status: number };
  }
  throw new Error('expected a refusal');
}

describe('on-behalf-of case policy', () => {
  it('allows an AdminAgent under an active GDAP with the CSP plan and the partner contact', () => {
    expect(authorizeOnBehalfCase(input())).toEqual({
      supportPlan: 'cloud-solution-provider',
      partnerContact: contact,
      relationshipId: 'rel-1',
    });
    expect(
      authorizeOnBehalfCase(input({ workload: 'office365', subscriptionId: undefined }))
        .supportPlan,
    ).toBe('cloud-solution-provider');
  });

  it('403 admin_agent_required without AdminAgent of this partner', () => {
    expect(
      refusal(() =>
        authorizeOnBehalfCase(input({ caller: { ...agent, partnerRoles: ['PartnerAdmin'] } })),
      ),
    ).toMatchObject({ status: 403, code: 'admin_agent_required' });
    expect(
      refusal(() => authorizeOnBehalfCase(input({ caller: { ...agent, orgId: 'p-2' as OrgId } }))),
    ).toMatchObject({ status: 403, code: 'admin_agent_required' });
  });

  it('gdap_relationship_inactive without an active relationship (none, expired, other customer)', () => {
    for (const relationships of [
      [],
      [relationship(['ServiceSupportAdministrator'], '2024-01-01T00:00:00.000Z')],
    ]) {
      expect(refusal(() => authorizeOnBehalfCase(input({ relationships })))).toMatchObject({
        code: 'gdap_relationship_inactive',
      });
    }
    expect(
      refusal(() => authorizeOnBehalfCase(input({ customerOrgId: 'org-2' as OrgId }))),
    ).toMatchObject({ code: 'gdap_relationship_inactive' });
  });

  it('gdap_role_missing when no role covers the workload', () => {
    const readers = [relationship(['GlobalReader', 'DirectoryReader'])];
    expect(refusal(() => authorizeOnBehalfCase(input({ relationships: readers })))).toMatchObject({
      code: 'gdap_role_missing',
    });
    const exchange = [relationship(['ExchangeAdministrator'])];
    expect(refusal(() => authorizeOnBehalfCase(input({ relationships: exchange })))).toMatchObject({
      code: 'gdap_role_missing',
    });
  });

  it('not_subscription_provider for a reseller, an advisor, or another provider’s subscription', () => {
    for (const kind of ['indirect-reseller', 'advisor'] as const) {
      expect(refusal(() => authorizeOnBehalfCase(input({ partner: partner(kind) })))).toMatchObject(
        { code: 'not_subscription_provider' },
      );
    }
    expect(
      authorizeOnBehalfCase(input({ partner: partner('indirect-provider') })).supportPlan,
    ).toBe('cloud-solution-provider');
    expect(
      refusal(() => authorizeOnBehalfCase(input({ subscriptionId: 'az-3' as SubscriptionId }))),
    ).toMatchObject({ code: 'not_subscription_provider' });
  });

  it('subscription_access_missing without access on the Azure subscription; subscription_required without one', () => {
    expect(
      refusal(() => authorizeOnBehalfCase(input({ subscriptionId: 'az-2' as SubscriptionId }))),
    ).toMatchObject({ code: 'subscription_access_missing' });
    expect(
      refusal(() => authorizeOnBehalfCase(input({ subscriptionId: undefined }))),
    ).toMatchObject({ code: 'subscription_required' });
  });

  it('marketplace_product with the publisher contact', () => {
    const error = refusal(() =>
      authorizeOnBehalfCase(
        input({ workload: 'marketplace', subscriptionId: 'm-1' as SubscriptionId }),
      ),
    );
    expect(error).toMatchObject({
      status: 409,
      code: 'marketplace_product',
      details: { isvContact },
    });
  });

  it('404 for an unknown subscription; a mismatched product is refused', () => {
    expect(
      refusal(() => authorizeOnBehalfCase(input({ subscriptionId: 'nope' as SubscriptionId }))),
    ).toMatchObject({ status: 404 });
    expect(refusal(() => authorizeOnBehalfCase(input({ workload: 'office365' })))).toMatchObject({
      code: 'subscription_product_mismatch',
    });
  });

  it("needs a valid own support plan for the partner's own subscription, and no GDAP", () => {
    const own = { partnersOwnSubscription: true, relationships: [] };
    for (const supportPlanId of [
      undefined,
      '',
      'cloud-solution-provider',
      'CPP-12',
      'premier-20250001',
    ]) {
      expect(refusal(() => authorizeOnBehalfCase(input({ ...own, supportPlanId })))).toMatchObject({
        code: 'support_plan_required',
      });
    }
    expect(authorizeOnBehalfCase(input({ ...own, supportPlanId: 'PREMIER-20250001' }))).toEqual({
      supportPlan: 'PREMIER-20250001',
      partnerContact: contact,
    });
  });
});

describe('direct case policy', () => {
  it('sends a trial subscription to its partner, lets a paid one through, refuses marketplace', () => {
    const paid = customer.subscriptions['az-1'];
    expect(() => authorizeDirectCase(paid)).not.toThrow();
    expect(refusal(() => authorizeDirectCase({ ...paid, billing: 'trial' }))).toMatchObject({
      code: 'trial_via_partner',
      details: { providerPartnerId: partnerId },
    });
    expect(refusal(() => authorizeDirectCase(customer.subscriptions['m-1']))).toMatchObject({
      code: 'marketplace_product',
    });
  });
});
