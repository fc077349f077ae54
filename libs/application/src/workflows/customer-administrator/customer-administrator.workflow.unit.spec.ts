import { InvitationId, UserId, WorkspaceId } from '@hub/domain';
import { agreementDecider } from '@hub/domain/agreements/agreement.decider';
import { InvitationAccepted } from '@hub/domain/workspaces/workspace.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { customerAdministrator } from './customer-administrator.workflow';

const accepted = (customerAdministrator: boolean): InvitationAccepted => ({
  type: 'InvitationAccepted',
  data: {
    invitationId: 'inv-1' as InvitationId,
    workspaceId: 'ws-1' as WorkspaceId,
    userId: 'u-sa' as UserId,
    email: 'sa@contoso.example',
    accountType: 'work',
    customerAdministrator,
    acceptedAt: '2026-03-02T10:00:00.000Z',
  },
});

describe('customer-administrator workflow', () => {
  it("appoints the accepting Service Administrator on the workspace's agreement", () => {
    reacting(customerAdministrator)
      .given('agr-1')
      .when(recorded(accepted(true), 'workspace-ws-1'))
      .then([
        {
          kind: 'command',
          step: 'appoint-customer-administrator',
          stream: 'agreement-agr-1',
          decider: agreementDecider,
          command: {
            type: 'AppointCustomerAdministrator',
            agreementId: 'agr-1',
            userId: 'u-sa',
            at: '2026-03-02T10:00:00.000Z',
          },
        },
      ]);
  });

  it('does nothing for another invitee', () => {
    reacting(customerAdministrator)
      .given('agr-1')
      .when(recorded(accepted(false), 'workspace-ws-1'))
      .thenNothing();
  });

  it('does nothing when the workspace is unknown', () => {
    reacting(customerAdministrator)
      .given(null)
      .when(recorded(accepted(true), 'workspace-ws-1'))
      .thenNothing();
  });
});
