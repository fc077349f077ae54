import {
  Caller,
  Decider,
  ForbiddenError,
  NotFoundError,
  OrgId,
  PartnerId,
  SubscriptionId,
  ValidationError,
  refuse,
} from '../shared';
import {
  CustomerSubscriptionsCommand,
  RegisterSubscription,
} from './customer-subscriptions.commands';
import {
  Billing,
  CustomerSubscriptionsEvent,
  IsvContact,
  PRODUCTS,
  Product,
} from './customer-subscriptions.events';

/** The stream holding one customer's subscriptions, partner access and read-only consent. */
export function customerStream(orgId: OrgId): string {
  return `customer-${orgId}`;
}

/** One subscription as the case policies read it. */
export interface CustomerSubscription {
  subscriptionId: SubscriptionId;
  product: Product;
  billing: Billing;
  providerPartnerId: PartnerId;
  isvContact?: IsvContact;
  /** Partners the customer gave access on this subscription. */
  partnersWithAccess: PartnerId[];
}

/**
 * A customer's read-only consent for one partner. Every withdrawal instant is kept so a
 * session can tell it was ended even when consent was given again later.
 */
export interface ReadOnlyConsent {
  allowed: boolean;
  changedAt: string;
  withdrawals: string[];
}

/** What the customer's rules and the case and help-desk policies need. */
export interface CustomerSubscriptionsState {
  subscriptions: Record<string, CustomerSubscription>;
  readOnlyConsent: Record<string, ReadOnlyConsent>;
}

function requireCustomerAdministrator(by: Caller, orgId: OrgId, action: string): void {
  if (!by.isCustomerAdministrator || by.orgId !== orgId) {
    throw new ForbiddenError(`Only the customer's Customer Administrator may ${action}.`);
  }
}

function validate(command: RegisterSubscription): void {
  const fields: Record<string, string[]> = {};
  if (!command.subscriptionId?.trim()) fields.subscriptionId = ['is required'];
  if (!PRODUCTS.includes(command.product))
    fields.product = [`must be one of ${PRODUCTS.join(', ')}`];
  if (command.billing !== 'trial' && command.billing !== 'paid')
    fields.billing = ['must be trial or paid'];
  if (!command.providerPartnerId?.trim()) fields.providerPartnerId = ['is required'];
  const contact = command.isvContact;
  const hasContact = !!(contact?.url?.trim() || contact?.email?.trim() || contact?.phone?.trim());
  if (command.product === 'marketplace' && !hasContact) {
    // Refused marketplace cases point at the publisher, so the contact must be known up front.
    fields.isvContact = ['a marketplace product needs at least one of url, email, phone'];
  }
  if (command.product !== 'marketplace' && contact)
    fields.isvContact = ['only for marketplace products'];
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid subscription.', fields);
}

function sameTerms(known: CustomerSubscription, command: RegisterSubscription): boolean {
  const contact = (c?: IsvContact) => JSON.stringify([c?.url, c?.email, c?.phone]);
  return (
    known.product === command.product &&
    known.billing === command.billing &&
    known.providerPartnerId === command.providerPartnerId &&
    contact(known.isvContact) === contact(command.isvContact)
  );
}

function decide(
  command: CustomerSubscriptionsCommand,
  state: CustomerSubscriptionsState,
): CustomerSubscriptionsEvent[] {
  switch (command.type) {
    case 'RegisterSubscription': {
      if (!command.by.service)
        throw new ForbiddenError('Only an internal service may register subscriptions.');
      validate(command);
      const known = state.subscriptions[command.subscriptionId];
      if (known) {
        if (sameTerms(known, command)) return [];
        refuse(
          'subscription_conflict',
          'This subscription is already registered with other terms.',
          {
            subscriptionId: command.subscriptionId,
          },
        );
      }
      const { orgId, subscriptionId, product, billing, providerPartnerId, isvContact } = command;
      return [
        {
          type: 'SubscriptionRegistered',
          data: {
            orgId,
            subscriptionId,
            product,
            billing,
            providerPartnerId,
            ...(isvContact ? { isvContact } : {}),
            registeredAt: command.at,
          },
        },
      ];
    }
    case 'GrantPartnerSubscriptionAccess': {
      requireCustomerAdministrator(command.by, command.orgId, 'grant partner access');
      const subscription = state.subscriptions[command.subscriptionId];
      if (!subscription) {
        throw new NotFoundError('No such subscription.', {
          subscriptionId: command.subscriptionId,
        });
      }
      if (subscription.partnersWithAccess.includes(command.partnerId)) return [];
      return [
        {
          type: 'PartnerSubscriptionAccessGranted',
          data: {
            orgId: command.orgId,
            subscriptionId: command.subscriptionId,
            partnerId: command.partnerId,
            grantedBy: command.by.userId,
            grantedAt: command.at,
          },
        },
      ];
    }
    case 'SetReadOnlyAccessConsent': {
      requireCustomerAdministrator(command.by, command.orgId, 'set read-only access');
      const current = state.readOnlyConsent[command.partnerId]?.allowed ?? false;
      if (current === command.allow) return [];
      const { orgId, partnerId } = command;
      return command.allow
        ? [
            {
              type: 'ReadOnlyAccessConsentGiven',
              data: { orgId, partnerId, givenBy: command.by.userId, givenAt: command.at },
            },
          ]
        : [
            {
              type: 'ReadOnlyAccessConsentWithdrawn',
              data: { orgId, partnerId, withdrawnBy: command.by.userId, withdrawnAt: command.at },
            },
          ];
    }
  }
}

function evolve(
  state: CustomerSubscriptionsState,
  event: CustomerSubscriptionsEvent,
): CustomerSubscriptionsState {
  switch (event.type) {
    case 'SubscriptionRegistered': {
      const { subscriptionId, product, billing, providerPartnerId, isvContact } = event.data;
      const subscription: CustomerSubscription = {
        subscriptionId,
        product,
        billing,
        providerPartnerId,
        ...(isvContact ? { isvContact } : {}),
        partnersWithAccess: [],
      };
      return {
        ...state,
        subscriptions: { ...state.subscriptions, [subscriptionId]: subscription },
      };
    }
    case 'PartnerSubscriptionAccessGranted': {
      const known = state.subscriptions[event.data.subscriptionId];
      if (!known) return state;
      const updated = {
        ...known,
        partnersWithAccess: [...known.partnersWithAccess, event.data.partnerId],
      };
      return {
        ...state,
        subscriptions: { ...state.subscriptions, [known.subscriptionId]: updated },
      };
    }
    case 'ReadOnlyAccessConsentGiven': {
      const previous = state.readOnlyConsent[event.data.partnerId];
      const consent = {
        allowed: true,
        changedAt: event.data.givenAt,
        withdrawals: previous?.withdrawals ?? [],
      };
      return {
        ...state,
        readOnlyConsent: { ...state.readOnlyConsent, [event.data.partnerId]: consent },
      };
    }
    case 'ReadOnlyAccessConsentWithdrawn': {
      const previous = state.readOnlyConsent[event.data.partnerId];
      const withdrawals = [...(previous?.withdrawals ?? []), event.data.withdrawnAt];
      const consent = { allowed: false, changedAt: event.data.withdrawnAt, withdrawals };
      return {
        ...state,
        readOnlyConsent: { ...state.readOnlyConsent, [event.data.partnerId]: consent },
      };
    }
  }
}

/** A customer's subscriptions, the partners with access on them, and read-only consent. */
export const customerSubscriptionsDecider: Decider<
  CustomerSubscriptionsCommand,
  CustomerSubscriptionsEvent,
  CustomerSubscriptionsState
> = {
  initialState: { subscriptions: {}, readOnlyConsent: {} },
  evolve,
  decide,
};
