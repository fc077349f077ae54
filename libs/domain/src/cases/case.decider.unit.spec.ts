import { given } from '@hub/testing';
import { OrgId, PartnerId } from '../shared';
import { caseDecider, caseStream } from './case.decider';
import {
  caseId,
  later,
  bob,
  stranger,
  service,
  open,
  opened,
  respond,
  responded,
  close,
  closed,
  changeSeverity,
} from './case.fixtures';

describe('case decider', () => {
  it('names its stream', () => {
    expect(caseStream(caseId)).toBe('case-case-1');
  });

  describe('OpenCase', () => {
    it('opens with the caller as primary contact and a 4 hour target for severity B', () => {
      given(caseDecider).when(open).then([opened]);
    });

    it('gives an advisory case the next weekday', () => {
      given(caseDecider)
        .when({ ...open, caseType: 'advisory', at: '2025-03-07T10:00:00.000Z' })
        .thenEvents(([event]) =>
          expect(event.data).toMatchObject({ initialResponseDueAt: '2025-03-10T10:00:00.000Z' }),
        );
    });

    it('carries another member as primary contact, and on-behalf-of details', () => {
      const onBehalfOf = {
        partnerId: 'p-1' as PartnerId,
        customerOrgId: 'org-1' as OrgId,
        partnerContact: { name: 'Pat', email: 'pat@partner.com', phone: '+1 555' },
        supportPlan: 'cloud-solution-provider',
      };
      given(caseDecider)
        .when({ ...open, primaryContactUserId: bob.userId, onBehalfOf })
        .then([
          { ...opened, data: { ...opened.data, primaryContactUserId: bob.userId, onBehalfOf } },
        ]);
    });

    it("opens a partner's case about its own subscription in its own record: no workspace, no customer", () => {
      const { workspaceId: _none, ...inOwnRecord } = open;
      const { workspaceId: _also, ...openedData } = opened.data;
      const own = {
        partnerId: 'p-1' as PartnerId,
        partnerContact: { name: 'Pat', email: 'pat@partner.com', phone: '+1 555' },
        supportPlan: 'CPP-1234567',
      };
      given(caseDecider)
        .when({ ...inOwnRecord, by: stranger, workspaceMemberUserIds: [], onBehalfOf: own })
        .thenEvents(([event]) => {
          expect(event.data).toEqual({
            ...openedData,
            primaryContactUserId: stranger.userId,
            openedBy: stranger.userId,
            onBehalfOf: own,
          });
          expect(event.data).not.toHaveProperty('workspaceId');
        });
      // Without a workspace, only a partner's own case; a customer's always names one.
      given(caseDecider).when(inOwnRecord).thenFails('validation_failed');
      given(caseDecider)
        .when({ ...open, onBehalfOf: own })
        .thenFails('validation_failed');
    });

    it('refuses a caller who is not a workspace member', () => {
      given(caseDecider)
        .when({ ...open, by: stranger })
        .thenFails('not_a_workspace_member');
    });

    it('refuses a primary contact who is not a workspace member', () => {
      given(caseDecider)
        .when({ ...open, primaryContactUserId: stranger.userId })
        .thenFails('primary_contact_not_member');
    });

    it('refuses a case id already used and malformed input', () => {
      given(caseDecider, [opened]).when(open).thenFails('case_already_exists');
      given(caseDecider)
        .when({ ...open, title: '' })
        .thenFails('validation_failed');
    });
  });

  describe('ChangeSeverity', () => {
    it('restarts the target from the change before a first response', () => {
      given(caseDecider, [opened])
        .when(changeSeverity)
        .then([
          {
            type: 'CaseSeverityChanged',
            data: {
              caseId,
              from: 'B',
              to: 'A',
              changedAt: later,
              initialResponseDueAt: '2025-03-03T13:00:00.000Z',
            },
          },
        ]);
    });

    it('keeps the target once responded', () => {
      given(caseDecider, [opened, responded])
        .when(changeSeverity)
        .then([
          { type: 'CaseSeverityChanged', data: { caseId, from: 'B', to: 'A', changedAt: later } },
        ]);
    });

    it('does nothing for the same severity, and refuses others than the owner or a closed case', () => {
      given(caseDecider, [opened])
        .when({ ...changeSeverity, severity: 'B' })
        .thenNothing();
      given(caseDecider, [opened])
        .when({ ...changeSeverity, by: bob })
        .thenFails('case_owner_required');
      given(caseDecider, [opened, closed]).when(changeSeverity).thenFails('case_closed');
    });
  });

  describe('RecordFirstResponse', () => {
    it('records the first response and whether the target was met', () => {
      given(caseDecider, [opened]).when(respond).then([responded]);
      given(caseDecider, [opened])
        .when({ ...respond, respondedAt: '2025-03-03T14:00:01.000Z', at: '2025-03-03T15:00:00Z' })
        .thenEvents(([event]) => expect(event.data).toMatchObject({ responseTargetMet: false }));
    });

    it('ignores later responses', () => {
      given(caseDecider, [opened, responded]).when(respond).thenNothing();
    });

    it('refuses a malformed instant', () => {
      given(caseDecider, [opened])
        .when({ ...respond, respondedAt: 'soon' })
        .thenFails('validation_failed');
    });
  });

  describe('CloseCase', () => {
    it('lets the primary contact or a service close', () => {
      given(caseDecider, [opened]).when(close).then([closed]);
      given(caseDecider, [opened])
        .when({ ...close, by: service })
        .thenEvents(([event]) => expect(event.data).toMatchObject({ closedBy: service.userId }));
    });

    it('refuses anyone else', () => {
      given(caseDecider, [opened])
        .when({ ...close, by: bob })
        .thenFails('case_owner_required');
    });

    it('refuses closing twice', () => {
      given(caseDecider, [opened, closed]).when(close).thenFails('case_already_closed');
    });
  });

  it('answers 404 case_not_found for commands on an unknown case', () => {
    given(caseDecider).when(close).thenFails('case_not_found');
    given(caseDecider).when(respond).thenFails('case_not_found');
  });
});
