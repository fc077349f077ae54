import { InvitationId, WorkspaceId } from '@hub/domain';
import { MemberInvited } from '@hub/domain/workspaces/workspace.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { invitationClaims } from './invitation-claims.workflow';

const invited: MemberInvited = {
  type: 'MemberInvited',
  data: {
    invitationId: 'inv-1' as InvitationId,
    workspaceId: 'ws-1' as WorkspaceId,
    email: 'ann@contoso.example',
    name: 'Ann',
    intendedRoles: [],
    invitedAt: '2026-03-02T10:00:00.000Z',
  },
};

describe('invitation-claims workflow', () => {
  it('claims the invitation id for the workspace stream that recorded it', () => {
    reacting(invitationClaims)
      .when(recorded(invited, 'workspace-ws-1'))
      .then([
        {
          kind: 'claim',
          step: 'claim-inv-1',
          idKind: 'invitation',
          id: 'inv-1',
          ownerStream: 'workspace-ws-1',
        },
      ]);
  });
});
