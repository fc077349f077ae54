import { given } from '@hub/testing';
import { AgreementId, Caller, OrgId, UserId, WorkspaceId } from '../shared';
import { agreementDecider } from './agreement.decider';
import { AgreementEvent } from './agreement.events';

const agreementId = 'agr-1' as AgreementId;
const at = '2025-03-03T10:00:00.000Z';
const csam: Caller = { userId: 'u-csam' as UserId, providerRoles: ['CSAM'] };
const sam: Caller = { userId: 'u-sam' as UserId, providerRoles: [] };
const stranger: Caller = { userId: 'u-x' as UserId, providerRoles: [] };

const activated: AgreementEvent = {
  type: 'AgreementActivated',
  data: {
    agreementId,
    customer: { orgId: 'org-1' as OrgId, name: 'Contoso' },
    agreementType: 'unified',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    serviceAdministrator: { email: 'sam@contoso.com', name: 'Sam' },
    namedContacts: [],
    allowPersonalAccounts: false,
    defaultWorkspaceId: 'ws-default' as WorkspaceId,
    activatedAt: at,
  },
};
const appointed = (userId: string): AgreementEvent => ({
  type: 'CustomerAdministratorAppointed',
  data: { agreementId, userId: userId as UserId, appointedAt: at },
});
const setCalendar = {
  type: 'SetBusinessCalendar' as const,
  agreementId,
  timeZone: 'America/Los_Angeles',
  holidays: ['2025-12-25', '2025-07-04', '2025-12-25'],
  at,
  by: csam,
};

describe('agreement administration', () => {
  it('sets the business calendar with holidays sorted and once each', () => {
    given(agreementDecider, [activated])
      .when(setCalendar)
      .then([
        {
          type: 'BusinessCalendarSet',
          data: {
            agreementId,
            timeZone: 'America/Los_Angeles',
            holidays: ['2025-07-04', '2025-12-25'],
            setBy: csam.userId,
            setAt: at,
          },
        },
      ]);
  });

  it('setting the same calendar again records nothing', () => {
    const [set] = given(agreementDecider, [activated])
      .when(setCalendar)
      .thenEvents(() => {});
    given(agreementDecider, [activated, set]).when(setCalendar).thenNothing();
  });

  it('refuses an unknown time zone and a malformed holiday', () => {
    given(agreementDecider, [activated])
      .when({ ...setCalendar, timeZone: 'Mars/Olympus' })
      .thenFails('validation_failed');
    given(agreementDecider, [activated])
      .when({ ...setCalendar, holidays: ['25/12/2025'] })
      .thenFails('validation_failed');
  });

  it('refuses a caller who administers neither the agreement nor as provider staff', () => {
    given(agreementDecider, [activated])
      .when({ ...setCalendar, by: stranger })
      .thenFails('customer_administrator_required');
  });

  it('a Customer Administrator appoints another, once', () => {
    const appoint = {
      type: 'AddCustomerAdministrator' as const,
      agreementId,
      userId: 'u-ann' as UserId,
      appointeeIsMember: true,
      at,
      by: sam,
    };
    given(agreementDecider, [activated, appointed('u-sam')])
      .when(appoint)
      .then([appointed('u-ann')]);
    given(agreementDecider, [activated, appointed('u-sam'), appointed('u-ann')])
      .when(appoint)
      .thenNothing();
  });

  it('refuses to appoint someone who is not a member of the customer organisation', () => {
    given(agreementDecider, [activated, appointed('u-sam')])
      .when({
        type: 'AddCustomerAdministrator' as const,
        agreementId,
        userId: 'u-outsider' as UserId,
        appointeeIsMember: false,
        at,
        by: csam,
      })
      .thenFails('appointee_not_member');
  });

  it('the last Customer Administrator cannot be removed', () => {
    const remove = {
      type: 'RemoveCustomerAdministrator' as const,
      agreementId,
      userId: 'u-sam' as UserId,
      at,
      by: csam,
    };
    given(agreementDecider, [activated, appointed('u-sam')])
      .when(remove)
      .thenFails('last_customer_administrator');
    given(agreementDecider, [activated, appointed('u-sam'), appointed('u-ann')])
      .when(remove)
      .then([
        {
          type: 'CustomerAdministratorRemoved',
          data: { agreementId, userId: sam.userId, removedBy: csam.userId, removedAt: at },
        },
      ]);
    given(agreementDecider, [activated, appointed('u-sam')])
      .when({ ...remove, userId: 'u-nobody' as UserId })
      .thenFails('customer_administrator_not_found');
  });
});
