import { given } from '@hub/testing';
import { Caller, OrgId, PartnerId, SubscriptionId, UserId, fold } from '../shared';
import {
  GrantPartnerSubscriptionAccess,
  RegisterSubscription,
  SetReadOnlyAccessConsent,
} from './customer-subscriptions.commands';
import {
  customerStream,
  customerSubscriptionsDecider as decider,
} from './customer-subscriptions.decider';
import {
  CustomerSubscriptionsEvent,
  SubscriptionRegistered,
} from './customer-subscriptions.events';

const orgId = 'org-1' as OrgId;
const partnerId = 'p-1' as PartnerId;
const subscriptionId = 'sub-1' as SubscriptionId;
const at = '2025-03-03T10:00:00.000Z';
const service: Caller = { userId: 'svc-billing' as UserId, providerRoles: [], service: true };
const customerAdmin: Caller = {
  userId: 'u-ca' as UserId,
  orgId,
  providerRoles: [],
  isCustomerAdministrator: true,
};
const otherOrgAdmin: Caller = { ...customerAdmin, orgId: 'org-2' as OrgId };
const member: Caller = { userId: 'u-m' as UserId, orgId, providerRoles: [] };

const register: RegisterSubscription = {
  type: 'RegisterSubscription',
  orgId,
  subscriptionId,
  product: 'azure',
  billing: 'paid',
  providerPartnerId: partnerId,
  at,
  by: service,
};
const registered: SubscriptionRegistered = {
  type: 'SubscriptionRegistered',
  data: {
    orgId,
    subscriptionId,
    product: 'azure',
    billing: 'paid',
    providerPartnerId: partnerId,
    registeredAt: at,
  },
};
const grant: GrantPartnerSubscriptionAccess = {
  type: 'GrantPartnerSubscriptionAccess',
  orgId,
  subscriptionId,
  partnerId,
  at,
  by: customerAdmin,
};
const granted: CustomerSubscriptionsEvent = {
  type: 'PartnerSubscriptionAccessGranted',
  data: { orgId, subscriptionId, partnerId, grantedBy: customerAdmin.userId, grantedAt: at },
};
const consent: SetReadOnlyAccessConsent = {
  type: 'SetReadOnlyAccessConsent',
  orgId,
  partnerId,
  allow: true,
  at,
  by: customerAdmin,
};
const given_: CustomerSubscriptionsEvent = {
  type: 'ReadOnlyAccessConsentGiven',
  data: { orgId, partnerId, givenBy: customerAdmin.userId, givenAt: at },
};
const later = '2025-03-03T11:00:00.000Z';
const withdrawn: CustomerSubscriptionsEvent = {
  type: 'ReadOnlyAccessConsentWithdrawn',
  data: { orgId, partnerId, withdrawnBy: customerAdmin.userId, withdrawnAt: later },
};

describe('customer subscriptions decider', () => {
  it('names its stream', () => {
    expect(customerStream(orgId)).toBe('customer-org-1');
  });

  describe('RegisterSubscription', () => {
    it('registers a subscription reported by a service', () => {
      given(decider).when(register).then([registered]);
    });

    it('does nothing for the same subscription again, refuses other terms', () => {
      given(decider, [registered]).when(register).thenNothing();
      given(decider, [registered])
        .when({ ...register, billing: 'trial' })
        .thenFails('subscription_conflict');
    });

    it('refuses a person', () => {
      given(decider)
        .when({ ...register, by: customerAdmin })
        .thenFails('forbidden');
    });

    it('needs the publisher contact for a marketplace product, and only there', () => {
      const marketplace = { ...register, product: 'marketplace' as const };
      given(decider).when(marketplace).thenFails('validation_failed');
      given(decider)
        .when({ ...marketplace, isvContact: { url: ' ' } })
        .thenFails('validation_failed');
      given(decider)
        .when({ ...register, isvContact: { email: 'x@isv.example' } })
        .thenFails('validation_failed');
      const isvContact = {
        url: 'https://isv.example/support',
        email: 'help@isv.example',
        phone: '+1 555 0100',
      };
      given(decider)
        .when({ ...marketplace, isvContact })
        .then([
          { ...registered, data: { ...registered.data, product: 'marketplace', isvContact } },
        ]);
    });

    it('refuses an unknown product or billing', () => {
      const error = given(decider)
        .when({ ...register, product: 'xbox' as never, billing: 'free' as never })
        .thenFails('validation_failed');
      expect(Object.keys(error.details ?? {})).toEqual(['product', 'billing']);
    });
  });

  describe('GrantPartnerSubscriptionAccess', () => {
    it("grants access when the customer's Customer Administrator asks", () => {
      given(decider, [registered]).when(grant).then([granted]);
    });

    it('does nothing when the partner already has access', () => {
      given(decider, [registered, granted]).when(grant).thenNothing();
    });

    it('refuses members and administrators of another customer', () => {
      given(decider, [registered])
        .when({ ...grant, by: member })
        .thenFails('forbidden');
      given(decider, [registered])
        .when({ ...grant, by: otherOrgAdmin })
        .thenFails('forbidden');
    });

    it('answers 404 for an unknown subscription', () => {
      given(decider).when(grant).thenFails('not_found');
    });
  });

  describe('SetReadOnlyAccessConsent', () => {
    it('gives and withdraws consent', () => {
      given(decider).when(consent).then([given_]);
      given(decider, [given_])
        .when({ ...consent, allow: false, at: later })
        .then([withdrawn]);
    });

    it('does nothing when unchanged (no consent is the default)', () => {
      given(decider, [given_]).when(consent).thenNothing();
      given(decider)
        .when({ ...consent, allow: false })
        .thenNothing();
    });

    it('refuses anyone but the customer administrator', () => {
      given(decider)
        .when({ ...consent, by: member })
        .thenFails('forbidden');
      given(decider)
        .when({ ...consent, by: otherOrgAdmin })
        .thenFails('forbidden');
    });

    it('keeps every withdrawal, even after consent is given again', () => {
      const again: CustomerSubscriptionsEvent = {
        type: 'ReadOnlyAccessConsentGiven',
        data: {
          orgId,
          partnerId,
          givenBy: customerAdmin.userId,
          givenAt: '2025-03-04T09:00:00.000Z',
        },
      };
      const state = fold(decider, [given_, withdrawn, again]);
      expect(state.readOnlyConsent[partnerId]).toEqual({
        allowed: true,
        changedAt: '2025-03-04T09:00:00.000Z',
        withdrawals: [later],
      });
    });
  });
});
