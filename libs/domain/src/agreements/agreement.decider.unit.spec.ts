import { given } from '@hub/testing';
import { AgreementId, Caller, OrgId, UserId } from '../shared';
import { ActivateAgreement } from './agreement.commands';
import { agreementDecider, agreementStream, defaultWorkspaceIdFor } from './agreement.decider';
import { AgreementActivated } from './agreement.events';

const agreementId = 'agr-1' as AgreementId;
const at = '2025-03-03T10:00:00.000Z';
const csam: Caller = { userId: 'u-csam' as UserId, providerRoles: ['CSAM'] };
const customerAdmin: Caller = {
  userId: 'u-sa' as UserId,
  providerRoles: [],
  isCustomerAdministrator: true,
};
const member: Caller = { userId: 'u-m' as UserId, providerRoles: [] };

const activate: ActivateAgreement = {
  type: 'ActivateAgreement',
  agreementId,
  customer: { orgId: 'org-1' as OrgId, name: 'Contoso' },
  agreementType: 'unified',
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
  serviceAdministrator: { email: 'sa@contoso.com', name: 'Sam Admin' },
  namedContacts: [{ email: 'nc@contoso.com', name: 'Nora Contact' }],
  at,
  by: csam,
};

const activated: AgreementActivated = {
  type: 'AgreementActivated',
  data: {
    agreementId,
    customer: activate.customer,
    agreementType: 'unified',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    serviceAdministrator: activate.serviceAdministrator,
    namedContacts: activate.namedContacts,
    allowPersonalAccounts: false,
    defaultWorkspaceId: defaultWorkspaceIdFor(agreementId),
    activatedAt: at,
  },
};

describe('agreement decider', () => {
  it('names its stream', () => {
    expect(agreementStream(agreementId)).toBe('agreement-agr-1');
  });

  describe('ActivateAgreement', () => {
    it('activates with a derived default workspace id and no personal accounts by default', () => {
      given(agreementDecider).when(activate).then([activated]);
    });

    it('is open to an AC', () => {
      given(agreementDecider)
        .when({ ...activate, by: { ...csam, providerRoles: ['AC'] } })
        .then([activated]);
    });

    it('refuses a caller who is not CSAM or AC', () => {
      given(agreementDecider)
        .when({ ...activate, by: member })
        .thenFails('provider_role_required');
    });

    it('refuses a second activation', () => {
      given(agreementDecider, [activated]).when(activate).thenFails('agreement_already_activated');
    });

    it('refuses an end before the start', () => {
      const error = given(agreementDecider)
        .when({ ...activate, endsOn: '2024-12-31' })
        .thenFails('validation_failed');
      expect(error.details).toHaveProperty('endsOn');
    });

    it('refuses named contacts sharing an e-mail', () => {
      const error = given(agreementDecider)
        .when({
          ...activate,
          namedContacts: [...activate.namedContacts, { email: 'NC@contoso.com', name: 'Twin' }],
        })
        .thenFails('validation_failed');
      expect(error.details).toHaveProperty(['namedContacts[1].email']);
    });
  });

  describe('ChangeAccountPolicy', () => {
    const change = {
      type: 'ChangeAccountPolicy' as const,
      agreementId,
      allowPersonalAccounts: true,
      at,
      by: customerAdmin,
    };

    it('records the new policy', () => {
      given(agreementDecider, [activated])
        .when(change)
        .then([
          {
            type: 'AccountPolicyChanged',
            data: { agreementId, allowPersonalAccounts: true, changedAt: at },
          },
        ]);
    });

    it('does nothing when the policy is unchanged', () => {
      given(agreementDecider, [activated])
        .when({ ...change, allowPersonalAccounts: false })
        .thenNothing();
    });

    it('refuses anyone but a Customer Administrator, even a CSAM', () => {
      given(agreementDecider, [activated])
        .when({ ...change, by: csam })
        .thenFails('customer_administrator_required');
    });

    it('answers 404 for an agreement never activated', () => {
      given(agreementDecider).when(change).thenFails('agreement_not_found');
    });
  });

  describe('AppointCustomerAdministrator', () => {
    const appoint = {
      type: 'AppointCustomerAdministrator' as const,
      agreementId,
      userId: 'u-sa' as UserId,
      at,
    };
    const appointed = {
      type: 'CustomerAdministratorAppointed' as const,
      data: { agreementId, userId: 'u-sa' as UserId, appointedAt: at },
    };

    it('appoints the user', () => {
      given(agreementDecider, [activated]).when(appoint).then([appointed]);
    });

    it('is a no-op when already appointed', () => {
      given(agreementDecider, [activated, appointed]).when(appoint).thenNothing();
    });

    it('answers 404 for an agreement never activated', () => {
      given(agreementDecider).when(appoint).thenFails('agreement_not_found');
    });
  });
});
