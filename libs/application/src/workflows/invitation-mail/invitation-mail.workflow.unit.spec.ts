import { InvitationId, WorkspaceId } from '@hub/domain';
import { MemberInvited } from '@hub/domain/workspaces/workspace.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { invitationMail } from './invitation-mail.workflow';

const invited: MemberInvited = {
  type: 'MemberInvited',
  data: {
    invitationId: 'inv-1' as InvitationId,
    workspaceId: 'ws-1' as WorkspaceId,
    email: 'ann@contoso.example',
    name: 'Ann',
    intendedRoles: ['WorkspaceAdministrator'],
    invitedAt: '2026-03-02T10:00:00.000Z',
  },
};

describe('invitation-mail workflow', () => {
  it('sends the invitee the invitation, with an id derived from the event', () => {
    const [first] = reacting(invitationMail)
      .when(recorded(invited, 'workspace-ws-1', 'evt-7'))
      .then([
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'invitation',
            to: 'ann@contoso.example',
            data: expect.objectContaining({ invitationId: 'inv-1', workspaceId: 'ws-1' }),
          }),
        },
      ]);
    const [again] = invitationMail.react(recorded(invited, 'workspace-ws-1', 'evt-7'), undefined);
    const [other] = invitationMail.react(recorded(invited, 'workspace-ws-1', 'evt-8'), undefined);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});
