import { given } from '@hub/testing';
import { GroupId, UserId, fold } from '../shared';
import { RemoveMember } from './workspace.commands';
import { workspaceDecider } from './workspace.decider';
import { invitationIdFor } from './workspace.state';
import { WorkspaceEvent } from './workspace.events';
import { admin, at, customerAdmin, member, staffed, workspaceId } from './workspace.fixtures';

const remove: RemoveMember = {
  type: 'RemoveMember',
  workspaceId,
  userId: member.userId,
  at,
  by: admin,
};
const group: WorkspaceEvent = {
  type: 'GroupCreated',
  data: {
    workspaceId,
    groupId: 'grp-ops' as GroupId,
    name: 'Ops',
    memberUserIds: [member.userId, admin.userId],
    createdBy: admin.userId,
    createdAt: at,
  } as never,
};

describe('workspace decider: removing a member (domain.md §3)', () => {
  it('a removed member loses every role there and leaves its groups', () => {
    const [removed] = given(workspaceDecider, [...staffed, group])
      .when(remove)
      .then([
        {
          type: 'WorkspaceMemberRemoved',
          data: {
            workspaceId,
            userId: member.userId,
            groupIds: ['grp-ops' as GroupId],
            removedBy: admin.userId,
            removedAt: at,
          },
        },
      ]);
    const state = fold(workspaceDecider, [...staffed, group, removed]);
    expect(state.status === 'created' && state.members[member.userId]).toBeFalsy();
    expect(state.status === 'created' && state.groups['grp-ops'].memberUserIds).toEqual([
      admin.userId,
    ]);
  });

  it('a Customer Administrator may remove a member too', () => {
    given(workspaceDecider, staffed)
      .when({ ...remove, by: customerAdmin })
      .thenEvents(([event]) => expect(event.type).toBe('WorkspaceMemberRemoved'));
  });

  it('refuses a member who is not an administrator, and an unknown member', () => {
    given(workspaceDecider, staffed)
      .when({ ...remove, userId: admin.userId, by: member })
      .thenFails('workspace_administrator_required');
    given(workspaceDecider, staffed)
      .when({ ...remove, userId: 'u-nobody' as UserId })
      .thenFails('member_not_found');
  });

  it('a removed member can be invited again', () => {
    const [removed] = given(workspaceDecider, staffed)
      .when(remove)
      .thenEvents(() => {});
    const email = memberEmail();
    given(workspaceDecider, [...staffed, removed])
      .when({
        type: 'InviteMember',
        workspaceId,
        invitationId: invitationIdFor(workspaceId, email),
        email,
        at,
        by: admin,
      })
      .thenEvents(([event]) => expect(event.type).toBe('MemberInvited'));
  });
});

function memberEmail(): string {
  const state = fold(workspaceDecider, staffed);
  return state.status === 'created' ? state.members[member.userId].email : '';
}
