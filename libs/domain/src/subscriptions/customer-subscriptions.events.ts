import { ActedBy, DomainEvent, OrgId, PartnerId, SubscriptionId } from '../shared';

/** What a subscription buys (domain.md §6); `marketplace` is a third-party (ISV) product. */
export type Product = 'azure' | 'office365' | 'dynamics-crm' | 'ems' | 'marketplace';

/** Every product, for validation. */
export const PRODUCTS: readonly Product[] = [
  'azure',
  'office365',
  'dynamics-crm',
  'ems',
  'marketplace',
];

/** `trial` subscriptions get support only through their partner (domain.md §6). */
export type Billing = 'trial' | 'paid';

/** The publisher's support entry points for a marketplace product (seed 002: link, e-mail, phone). */
export interface IsvContact {
  url?: string;
  email?: string;
  phone?: string;
}

/** The provider's systems reported a subscription of the customer and the partner providing it. */
export type SubscriptionRegistered = DomainEvent<
  'SubscriptionRegistered',
  {
    orgId: OrgId;
    subscriptionId: SubscriptionId;
    product: Product;
    billing: Billing;
    providerPartnerId: PartnerId;
    /** Present for (and only for) marketplace products. */
    isvContact?: IsvContact;
    registeredAt: string;
  }
>;

/** A Customer Administrator gave a partner access on one subscription (Azure RBAC, seed 002). */
export type PartnerSubscriptionAccessGranted = DomainEvent<
  'PartnerSubscriptionAccessGranted',
  { orgId: OrgId; subscriptionId: SubscriptionId; partnerId: PartnerId } & ActedBy<'granted'>
>;

/** A Customer Administrator allowed a partner's Help Desk to open the org read-only (domain.md §7). */
export type ReadOnlyAccessConsentGiven = DomainEvent<
  'ReadOnlyAccessConsentGiven',
  { orgId: OrgId; partnerId: PartnerId } & ActedBy<'given'>
>;

/** A Customer Administrator withdrew that consent; it ends the partner's open sessions. */
export type ReadOnlyAccessConsentWithdrawn = DomainEvent<
  'ReadOnlyAccessConsentWithdrawn',
  { orgId: OrgId; partnerId: PartnerId } & ActedBy<'withdrawn'>
>;

/** Every fact a customer stream holds. */
export type CustomerSubscriptionsEvent =
  | SubscriptionRegistered
  | PartnerSubscriptionAccessGranted
  | ReadOnlyAccessConsentGiven
  | ReadOnlyAccessConsentWithdrawn;
