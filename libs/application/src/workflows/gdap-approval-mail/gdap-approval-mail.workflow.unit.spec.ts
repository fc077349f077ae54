import { OrgId, PartnerId, RelationshipId } from '@hub/domain';
import { GdapRelationshipRequested } from '@hub/domain/gdap/gdap.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { gdapApprovalMail } from './gdap-approval-mail.workflow';

const requested = {
  type: 'GdapRelationshipRequested',
  data: {
    relationshipId: 'rel-1' as RelationshipId,
    partnerId: 'p-1' as PartnerId,
    customerOrgId: 'org-1' as OrgId,
    roles: ['Helpdesk agent'],
    durationDays: 90,
    approvalDeadline: '2026-05-31T10:00:00.000Z',
    requestedAt: '2026-03-02T10:00:00.000Z',
  },
} as unknown as GdapRelationshipRequested;

describe('gdap-approval-mail workflow', () => {
  it("asks each of the customer's Service Administrators to approve", () => {
    const steps = reacting(gdapApprovalMail)
      .given(['sa@contoso.example', 'sa2@contoso.example'])
      .when(recorded(requested, 'gdap-rel-1'))
      .then([
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'gdap-approval-request',
            to: 'sa@contoso.example',
          }),
        },
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'gdap-approval-request',
            to: 'sa2@contoso.example',
          }),
        },
      ]);
    const ids = steps.map((step) => (step.kind === 'notify' ? step.notification.id : ''));
    expect(new Set(ids).size).toBe(2);
  });

  it('sends nothing while the customer has no active agreement', () => {
    reacting(gdapApprovalMail).given([]).when(recorded(requested, 'gdap-rel-1')).thenNothing();
  });
});
