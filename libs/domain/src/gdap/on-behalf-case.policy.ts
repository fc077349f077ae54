import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  OrgId,
  PartnerId,
  RelationshipId,
  SubscriptionId,
  refuse,
} from '../shared';
import { PartnerCaller, holdsPartnerRole } from '../partners/partner-caller';
import { PartnerState } from '../partners/partner.decider';
import {
  CustomerSubscription,
  CustomerSubscriptionsState,
} from '../subscriptions/customer-subscriptions.decider';
import { Workload, rolesCoverWorkload } from './gdap-roles';
import { GdapState, isGdapActiveAt } from './gdap-status';
import { CSP_SUPPORT_PLAN, supportPlanKindOf } from './support-plan';

/** The partner's own contact details: an on-behalf-of case carries these, not the customer's. */
export interface PartnerContact {
  name: string;
  email: string;
  phone?: string;
}

/** Everything the on-behalf-of rule reads; the handler loads it from the streams named. */
export interface OnBehalfCaseInput {
  /** From the token: the AdminAgent role and the caller's organisation. */
  caller: PartnerCaller;
  partnerId: PartnerId;
  /** Folded `partner-<partnerId>` (its kind). */
  partner: PartnerState;
  customerOrgId: OrgId;
  /** Folded `customer-<customerOrgId>`; for the partner's own subscription, its own org's. */
  customer: CustomerSubscriptionsState;
  /** Folded `gdap-…` streams between the partner and the customer, of any status. */
  relationships: GdapState[];
  workload: Workload;
  subscriptionId?: SubscriptionId;
  supportPlanId?: string;
  /** The case is about a subscription of the partner itself (seed 002, last paragraph). */
  partnersOwnSubscription: boolean;
  partnerContact: PartnerContact;
  at: string;
}

/** What the case is opened with once allowed. */
export interface OnBehalfCaseAuthorization {
  /** `cloud-solution-provider`, or the partner's own plan id for its own subscription. */
  supportPlan: string;
  partnerContact: PartnerContact;
  /** The active relationship the case relies on (absent for the partner's own subscription). */
  relationshipId?: RelationshipId;
}

function findSubscription(input: OnBehalfCaseInput): CustomerSubscription | undefined {
  if (!input.subscriptionId) return undefined;
  const subscription = input.customer.subscriptions[input.subscriptionId];
  if (!subscription)
    throw new NotFoundError('No such subscription.', { subscriptionId: input.subscriptionId });
  if (subscription.product !== input.workload) {
    refuse('subscription_product_mismatch', 'The subscription is for another product.', {
      subscriptionId: subscription.subscriptionId,
      product: subscription.product,
    });
  }
  return subscription;
}

/** Marketplace products are supported by their publisher, never by the provider (seed 002). */
export function refuseMarketplace(subscription: CustomerSubscription | undefined): never {
  throw new DomainError(
    'marketplace_product',
    'Contact the publisher of this marketplace product.',
    {
      isvContact: subscription?.isvContact ?? null,
    },
  );
}

/**
 * Whether a partner user may open a case on behalf of a customer (domain.md §6). Checks,
 * each with its own answer, in this order so nothing about the customer leaks to a
 * partner without a relationship:
 *   AdminAgent of the partner (403 `admin_agent_required`) → partner known (404) →
 *   [own subscription: marketplace → valid own plan (`support_plan_required`)] →
 *   active GDAP (`gdap_relationship_inactive`) → subscription known (404) →
 *   marketplace (`marketplace_product`, with the ISV contact) → a role covering the
 *   workload (`gdap_role_missing`) → for Azure: a subscription named
 *   (`subscription_required`), the partner its provider (`not_subscription_provider`),
 *   access on it (`subscription_access_missing`).
 */
export function authorizeOnBehalfCase(input: OnBehalfCaseInput): OnBehalfCaseAuthorization {
  if (!holdsPartnerRole(input.caller, input.partnerId, 'AdminAgent')) {
    throw new ForbiddenError(
      'Only an AdminAgent of this partner may file on behalf.',
      'admin_agent_required',
    );
  }
  const { partner, partnerContact } = input;
  if (partner.status !== 'registered' || partner.partnerId !== input.partnerId) {
    throw new NotFoundError('No such partner.', { partnerId: input.partnerId });
  }
  if (input.partnersOwnSubscription) {
    // The CSP entitlement does not cover the partner's own tenant: no GDAP is involved,
    // but a support plan of its own is (seed 002, last paragraph).
    const subscription = findSubscription(input);
    if (input.workload === 'marketplace') refuseMarketplace(subscription);
    if (!supportPlanKindOf(input.supportPlanId)) {
      refuse(
        'support_plan_required',
        'A case about your own subscription needs a valid support plan id.',
        {
          formats: ['CPP-<7-10 digits>', 'PREMIER-<8 digits>', 'AZSP-<uuid>'],
        },
      );
    }
    return { supportPlan: input.supportPlanId as string, partnerContact };
  }
  const active = input.relationships.filter(
    (r): r is Exclude<GdapState, { status: 'none' }> =>
      r.status !== 'none' &&
      r.partnerId === input.partnerId &&
      r.customerOrgId === input.customerOrgId &&
      isGdapActiveAt(r, input.at),
  );
  if (active.length === 0) {
    refuse(
      'gdap_relationship_inactive',
      'There is no active GDAP relationship with this customer.',
    );
  }
  const subscription = findSubscription(input);
  if (input.workload === 'marketplace') refuseMarketplace(subscription);
  const covering = active.find((r) => rolesCoverWorkload(r.roles, input.workload));
  if (!covering) {
    refuse('gdap_role_missing', 'No active GDAP role allows a support case for this workload.', {
      workload: input.workload,
    });
  }
  if (input.workload === 'azure') {
    if (!subscription) refuse('subscription_required', 'An Azure case must name the subscription.');
    // Only the subscription's provider (direct or indirect provider) may file for Azure;
    // an indirect reseller or advisor may not, even with a support contract (seeds 002, 004).
    const isProviderKind =
      partner.kind === 'direct-provider' || partner.kind === 'indirect-provider';
    if (!isProviderKind || subscription.providerPartnerId !== input.partnerId) {
      refuse(
        'not_subscription_provider',
        "Only the subscription's provider may file Azure cases.",
        {
          partnerKind: partner.kind,
        },
      );
    }
    if (!subscription.partnersWithAccess.includes(input.partnerId)) {
      refuse(
        'subscription_access_missing',
        'The customer has not given access on this subscription.',
        {
          subscriptionId: subscription.subscriptionId,
        },
      );
    }
  }
  return { supportPlan: CSP_SUPPORT_PLAN, partnerContact, relationshipId: covering.relationshipId };
}

/**
 * Whether a customer may open a case with the provider directly (domain.md §6): a trial
 * subscription gets support only through its partner, and a marketplace product only
 * from its publisher.
 */
export function authorizeDirectCase(subscription: CustomerSubscription): void {
  if (subscription.product === 'marketplace') refuseMarketplace(subscription);
  if (subscription.billing === 'trial') {
    refuse('trial_via_partner', 'A trial subscription is supported through its partner.', {
      subscriptionId: subscription.subscriptionId,
      providerPartnerId: subscription.providerPartnerId,
    });
  }
}
