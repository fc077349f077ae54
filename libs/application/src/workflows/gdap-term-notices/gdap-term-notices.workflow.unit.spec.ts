import { RelationshipId } from '@hub/domain';
import { GdapRequestLapsed, GdapRelationshipExpiring } from '@hub/domain/gdap/gdap-term.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { gdapTermNotices } from './gdap-term-notices.workflow';

const sides = {
  partner: [{ email: 'pa@partner.example', userId: 'pa' }],
  customer: [{ email: 'sa@contoso.example' }],
};
const relationshipId = 'rel-1' as RelationshipId;

describe('gdap-term-notices workflow', () => {
  it('tells both sides a relationship is expiring', () => {
    const expiring: GdapRelationshipExpiring = {
      type: 'GdapRelationshipExpiring',
      data: {
        relationshipId,
        daysLeft: 7,
        endsAt: '2026-04-11T09:00:00.000Z',
        noticedAt: '2026-04-04T09:00:00.000Z',
      },
    };
    reacting(gdapTermNotices)
      .given(sides)
      .when(recorded(expiring, 'gdap-rel-1'))
      .then([
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'gdap_expiring',
            to: 'pa@partner.example',
            userId: 'pa',
          }),
        },
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'gdap_expiring',
            to: 'sa@contoso.example',
          }),
        },
      ]);
  });

  it('tells only the partner a request lapsed', () => {
    const lapsed: GdapRequestLapsed = {
      type: 'GdapRequestLapsed',
      data: {
        relationshipId,
        approvalDeadline: '2026-05-31T09:00:00.000Z',
        lapsedAt: '2026-05-31T09:00:00.001Z',
      },
    };
    reacting(gdapTermNotices)
      .given(sides)
      .when(recorded(lapsed, 'gdap-rel-1'))
      .then([
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'gdap_request_lapsed',
            to: 'pa@partner.example',
          }),
        },
      ]);
  });
});
