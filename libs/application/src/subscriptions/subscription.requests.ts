// The plain shapes of the subscriptions commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/subscriptions/subscription.dto.ts are validated classes of the same shape).
import { Billing, Product } from '@hub/domain/subscriptions';

/** The publisher's support entry points for a marketplace product. */
export interface IsvContactRequest {
  url?: string;
  email?: string;
  phone?: string;
}

/** POST /v1/customers/{orgId}/subscriptions: a service records a customer's subscription. */
export interface RegisterSubscriptionRequest {
  subscriptionId: string;
  product: Product;
  billing: Billing;
  providerPartnerId: string;
  isvContact?: IsvContactRequest;
}

/** POST …/subscriptions/{subscriptionId}/partner-access: the customer gives a partner access. */
export interface PartnerAccessRequest {
  partnerId: string;
}

/** POST /v1/customers/{orgId}/readonly-access: allow or withdraw a partner's read-only view. */
export interface ReadOnlyAccessRequest {
  partnerId: string;
  allow: boolean;
}
