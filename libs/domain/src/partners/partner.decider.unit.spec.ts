import { given } from '@hub/testing';
import { OrgId, PartnerId, UserId, fold } from '../shared';
import { PartnerCaller } from './partner-caller';
import { GrantHelpDeskAgent, RegisterPartner } from './partner.commands';
import { isHelpDeskAgent, partnerDecider, partnerStream } from './partner.decider';
import { HelpDeskAgentGranted, PartnerRegistered } from './partner.events';

const partnerId = 'p-1' as PartnerId;
const at = '2025-03-03T10:00:00.000Z';
const csam: PartnerCaller = { userId: 'u-csam' as UserId, providerRoles: ['CSAM'] };
const partnerAdmin: PartnerCaller = {
  userId: 'u-padmin' as UserId,
  orgId: partnerId as unknown as OrgId,
  providerRoles: [],
  partnerRoles: ['PartnerAdmin'],
};
const otherPartnerAdmin: PartnerCaller = { ...partnerAdmin, orgId: 'p-2' as OrgId };
const adminAgent: PartnerCaller = { ...partnerAdmin, partnerRoles: ['AdminAgent'] };

const register: RegisterPartner = {
  type: 'RegisterPartner',
  partnerId,
  name: 'Fabrikam CSP',
  kind: 'indirect-provider',
  at,
  by: csam,
};
const registered: PartnerRegistered = {
  type: 'PartnerRegistered',
  data: { partnerId, name: 'Fabrikam CSP', kind: 'indirect-provider', registeredAt: at },
};
const grant: GrantHelpDeskAgent = {
  type: 'GrantHelpDeskAgent',
  partnerId,
  userId: 'u-agent' as UserId,
  at,
  by: partnerAdmin,
};
const granted: HelpDeskAgentGranted = {
  type: 'HelpDeskAgentGranted',
  data: { partnerId, userId: 'u-agent' as UserId, grantedBy: partnerAdmin.userId, grantedAt: at },
};

describe('partner decider', () => {
  it('names its stream', () => {
    expect(partnerStream(partnerId)).toBe('partner-p-1');
  });

  describe('RegisterPartner', () => {
    it('registers a partner for a CSAM or AC', () => {
      given(partnerDecider).when(register).then([registered]);
      given(partnerDecider)
        .when({ ...register, by: { ...csam, providerRoles: ['AC'] } })
        .then([registered]);
    });

    it('refuses a second registration', () => {
      given(partnerDecider, [registered]).when(register).thenFails('partner_already_registered');
    });

    it('refuses anyone but provider staff', () => {
      given(partnerDecider)
        .when({ ...register, by: partnerAdmin })
        .thenFails('provider_role_required');
    });

    it('refuses an unknown kind or an empty name', () => {
      const error = given(partnerDecider)
        .when({ ...register, name: ' ', kind: 'wholesaler' as never })
        .thenFails('validation_failed');
      expect(Object.keys(error.details ?? {})).toEqual(['name', 'kind']);
    });
  });

  describe('GrantHelpDeskAgent', () => {
    it("grants the role when asked by the partner's own PartnerAdmin", () => {
      given(partnerDecider, [registered]).when(grant).then([granted]);
    });

    it('does nothing when the user already is an agent', () => {
      given(partnerDecider, [registered, granted]).when(grant).thenNothing();
    });

    it("refuses another partner's admin and a mere AdminAgent", () => {
      given(partnerDecider, [registered])
        .when({ ...grant, by: otherPartnerAdmin })
        .thenFails('forbidden');
      given(partnerDecider, [registered])
        .when({ ...grant, by: adminAgent })
        .thenFails('forbidden');
    });

    it('answers 404 for an unregistered partner', () => {
      given(partnerDecider).when(grant).thenFails('not_found');
    });

    it('tells a handler who is an agent', () => {
      const state = fold(partnerDecider, [registered, granted]);
      expect(isHelpDeskAgent(state, 'u-agent' as UserId)).toBe(true);
      expect(isHelpDeskAgent(state, 'u-other' as UserId)).toBe(false);
    });
  });
});
