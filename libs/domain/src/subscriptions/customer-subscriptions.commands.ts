import { Caller, OrgId, PartnerId, SubscriptionId } from '../shared';
import { Billing, IsvContact, Product } from './customer-subscriptions.events';

/** Service: record a customer's subscription (POST /v1/customers/{orgId}/subscriptions). */
export interface RegisterSubscription {
  type: 'RegisterSubscription';
  orgId: OrgId;
  subscriptionId: SubscriptionId;
  product: Product;
  billing: Billing;
  providerPartnerId: PartnerId;
  /** Required for marketplace products (at least one of url, email, phone). */
  isvContact?: IsvContact;
  at: string;
  by: Caller;
}

/** The customer's CustomerAdministrator: give a partner access on a subscription. */
export interface GrantPartnerSubscriptionAccess {
  type: 'GrantPartnerSubscriptionAccess';
  orgId: OrgId;
  subscriptionId: SubscriptionId;
  partnerId: PartnerId;
  at: string;
  by: Caller;
}

/** The customer's CustomerAdministrator: allow or withdraw read-only access (…/readonly-access). */
export interface SetReadOnlyAccessConsent {
  type: 'SetReadOnlyAccessConsent';
  orgId: OrgId;
  partnerId: PartnerId;
  allow: boolean;
  at: string;
  by: Caller;
}

/** Every command a customer's subscriptions stream decides. */
export type CustomerSubscriptionsCommand =
  RegisterSubscription | GrantPartnerSubscriptionAccess | SetReadOnlyAccessConsent;
