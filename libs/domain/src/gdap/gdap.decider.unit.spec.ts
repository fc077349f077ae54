import { given } from '@hub/testing';
import { Caller, OrgId, PartnerId, RelationshipId, UserId, fold } from '../shared';
import { PartnerCaller } from '../partners/partner-caller';
import { RequestGdapRelationship } from './gdap.commands';
import { gdapDecider as decider, gdapStream } from './gdap.decider';
import { GdapEvent } from './gdap.events';
import { gdapStatusAt } from './gdap-status';

const relationshipId = 'rel-1' as RelationshipId;
const partnerId = 'p-1' as PartnerId;
const customerOrgId = 'org-1' as OrgId;
const at = '2025-01-01T00:00:00.000Z';
const partnerAdmin: PartnerCaller = {
  userId: 'u-pa' as UserId,
  orgId: 'p-1' as OrgId,
  providerRoles: [],
  partnerRoles: ['PartnerAdmin'],
};
const customerAdmin: Caller = {
  userId: 'u-ca' as UserId,
  orgId: customerOrgId,
  providerRoles: [],
  isCustomerAdministrator: true,
};

const request: RequestGdapRelationship = {
  type: 'RequestGdapRelationship',
  relationshipId,
  partnerId,
  customerOrgId,
  roles: ['ServiceSupportAdministrator', 'GlobalReader', 'GlobalReader'],
  durationDays: 30,
  at,
  by: partnerAdmin,
};
const requested: GdapEvent = {
  type: 'GdapRelationshipRequested',
  data: {
    relationshipId,
    partnerId,
    customerOrgId,
    roles: ['ServiceSupportAdministrator', 'GlobalReader'],
    durationDays: 30,
    requestedBy: partnerAdmin.userId,
    requestedAt: at,
    approvalDeadline: '2025-04-01T00:00:00.000Z',
  },
};
const approveAt = '2025-01-10T00:00:00.000Z';
const approve = {
  type: 'ApproveGdapRelationship' as const,
  relationshipId,
  at: approveAt,
  by: customerAdmin,
};
const approved: GdapEvent = {
  type: 'GdapRelationshipApproved',
  data: {
    relationshipId,
    approvedBy: customerAdmin.userId,
    approvedAt: approveAt,
    endsAt: '2025-02-09T00:00:00.000Z',
  },
};
const terminate = {
  type: 'TerminateGdapRelationship' as const,
  relationshipId,
  at: '2025-01-20T00:00:00.000Z',
};

describe('GDAP relationship decider', () => {
  it('names its stream', () => {
    expect(gdapStream(relationshipId)).toBe('gdap-rel-1');
  });

  describe('RequestGdapRelationship', () => {
    it('records the request with a 90-day approval deadline and distinct roles', () => {
      given(decider).when(request).then([requested]);
    });

    it("refuses anyone but the partner's own PartnerAdmin", () => {
      given(decider)
        .when({ ...request, by: { ...partnerAdmin, orgId: 'p-2' as OrgId } })
        .thenFails('forbidden');
      given(decider)
        .when({ ...request, by: { ...partnerAdmin, partnerRoles: ['AdminAgent'] } })
        .thenFails('forbidden');
    });

    it('refuses a duration outside 1..730 whole days, no roles, or unknown roles', () => {
      for (const durationDays of [0, 731, 1.5]) {
        given(decider)
          .when({ ...request, durationDays })
          .thenFails('validation_failed');
      }
      given(decider)
        .when({ ...request, roles: [] })
        .thenFails('validation_failed');
      given(decider)
        .when({ ...request, roles: ['Overlord'] })
        .thenFails('validation_failed');
      given(decider)
        .when({ ...request, durationDays: 730 })
        .thenEvents((events) => expect(events).toHaveLength(1));
    });

    it('a GDAP request accepts autoExtend and records it', () => {
      const [withExtend] = given(decider)
        .when({ ...request, autoExtend: true })
        .thenEvents(([event]) => expect(event.data).toMatchObject({ autoExtend: true }));
      given(decider)
        .when({ ...request, autoExtend: false })
        .thenEvents(([event]) => expect(event.data).not.toHaveProperty('autoExtend'));
      expect(fold(decider, [withExtend])).toMatchObject({ autoExtend: true });
      expect(fold(decider, [requested])).toMatchObject({ autoExtend: false });
    });

    it('refuses a second request on the same relationship', () => {
      given(decider, [requested]).when(request).thenFails('gdap_relationship_exists');
    });
  });

  describe('ApproveGdapRelationship', () => {
    it('activates until approval + duration', () => {
      given(decider, [requested]).when(approve).then([approved]);
    });

    it('accepts approval on the deadline and refuses it after (lapsed)', () => {
      given(decider, [requested])
        .when({ ...approve, at: '2025-04-01T00:00:00.000Z' })
        .thenEvents((events) => expect(events[0].type).toBe('GdapRelationshipApproved'));
      given(decider, [requested])
        .when({ ...approve, at: '2025-04-01T00:00:00.001Z' })
        .thenFails('gdap_request_lapsed');
    });

    it('refuses what is not pending', () => {
      given(decider, [requested, approved])
        .when(approve)
        .thenFails('gdap_relationship_not_pending');
    });

    it("refuses anyone but the customer's Customer Administrator", () => {
      given(decider, [requested])
        .when({ ...approve, by: { ...customerAdmin, orgId: 'org-2' as OrgId } })
        .thenFails('forbidden');
      given(decider, [requested])
        .when({ ...approve, by: partnerAdmin })
        .thenFails('forbidden');
    });

    it('answers 404 for an unknown relationship', () => {
      given(decider).when(approve).thenFails('not_found');
    });
  });

  describe('TerminateGdapRelationship', () => {
    it('lets either side terminate an active relationship', () => {
      given(decider, [requested, approved])
        .when({ ...terminate, by: partnerAdmin })
        .then([
          {
            type: 'GdapRelationshipTerminated',
            data: {
              relationshipId,
              terminatedBy: partnerAdmin.userId,
              terminatedAt: terminate.at,
              by: 'partner',
            },
          },
        ]);
      given(decider, [requested, approved])
        .when({ ...terminate, by: customerAdmin })
        .thenEvents((events) => expect(events[0].data).toMatchObject({ by: 'customer' }));
    });

    it('lets the customer decline a pending request', () => {
      given(decider, [requested])
        .when({ ...terminate, by: customerAdmin })
        .thenEvents((events) => expect(events[0].type).toBe('GdapRelationshipTerminated'));
    });

    it('refuses an expired, lapsed or terminated relationship', () => {
      given(decider, [requested, approved])
        .when({ ...terminate, at: '2025-02-09T00:00:00.000Z', by: partnerAdmin })
        .thenFails('gdap_relationship_not_active');
      given(decider, [requested])
        .when({ ...terminate, at: '2025-05-01T00:00:00.000Z', by: partnerAdmin })
        .thenFails('gdap_relationship_not_active');
      const terminated: GdapEvent = {
        type: 'GdapRelationshipTerminated',
        data: {
          relationshipId,
          terminatedBy: customerAdmin.userId,
          terminatedAt: terminate.at,
          by: 'customer',
        },
      };
      given(decider, [requested, approved, terminated])
        .when({ ...terminate, by: partnerAdmin })
        .thenFails('gdap_relationship_not_active');
    });

    it('refuses a third party', () => {
      const stranger: Caller = {
        userId: 'u-x' as UserId,
        orgId: 'org-9' as OrgId,
        providerRoles: ['CSAM'],
      };
      given(decider, [requested, approved])
        .when({ ...terminate, by: stranger })
        .thenFails('forbidden');
    });
  });

  describe('gdapStatusAt', () => {
    const pending = fold(decider, [requested]);
    const active = fold(decider, [requested, approved]);
    const statusAt = (state: typeof pending, instant: string) =>
      state.status === 'none' ? 'none' : gdapStatusAt(state, instant);

    it('reads pending, lapsed, active, expired and terminated off the clock', () => {
      expect(statusAt(pending, '2025-03-31T23:59:59Z')).toBe('approval-pending');
      expect(statusAt(pending, '2025-04-01T00:00:01Z')).toBe('lapsed');
      expect(statusAt(active, '2025-02-08T23:59:59Z')).toBe('active');
      expect(statusAt(active, '2025-02-09T00:00:00Z')).toBe('expired');
      const ended = fold(decider, [
        requested,
        approved,
        {
          type: 'GdapRelationshipTerminated',
          data: {
            relationshipId,
            terminatedBy: partnerAdmin.userId,
            terminatedAt: terminate.at,
            by: 'partner',
          },
        },
      ]);
      expect(statusAt(ended, '2025-01-21T00:00:00Z')).toBe('terminated');
    });
  });
});
