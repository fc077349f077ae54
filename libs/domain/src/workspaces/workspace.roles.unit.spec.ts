import { given } from '@hub/testing';
import { GroupId, UserId } from '../shared';
import { CreateGroup, GrantRole, RevokeRole } from './workspace.commands';
import { workspaceDecider } from './workspace.decider';
import {
  admin,
  at,
  customerAdmin,
  granted,
  member,
  staffed,
  workspaceId,
} from './workspace.fixtures';

const grant: GrantRole = {
  type: 'GrantRole',
  workspaceId,
  userId: member.userId,
  role: 'ViewAllSupportRequests',
  at,
  by: admin,
};
const revoke: RevokeRole = { ...grant, type: 'RevokeRole' };
const createGroup: CreateGroup = {
  type: 'CreateGroup',
  workspaceId,
  groupId: 'grp-1' as GroupId,
  name: 'Ops',
  memberUserIds: [member.userId, admin.userId],
  at,
  by: admin,
};
const groupCreated = {
  type: 'GroupCreated' as const,
  data: {
    workspaceId,
    groupId: 'grp-1' as GroupId,
    name: 'Ops',
    memberUserIds: [member.userId, admin.userId],
    createdAt: at,
  },
};

describe('workspace decider: roles and groups', () => {
  describe('GrantRole / RevokeRole', () => {
    it('grants a role, by a Workspace or Customer Administrator', () => {
      given(workspaceDecider, staffed)
        .when(grant)
        .then([granted(member.userId, 'ViewAllSupportRequests', admin.userId)]);
      given(workspaceDecider, staffed)
        .when({ ...grant, by: customerAdmin })
        .then([granted(member.userId, 'ViewAllSupportRequests', customerAdmin.userId)]);
    });

    it('revokes a held role', () => {
      given(workspaceDecider, [...staffed, granted(member.userId, 'ViewAllSupportRequests')])
        .when(revoke)
        .then([
          {
            type: 'RoleRevoked',
            data: {
              workspaceId,
              userId: member.userId,
              role: 'ViewAllSupportRequests',
              revokedAt: at,
              revokedBy: admin.userId,
            },
          },
        ]);
    });

    it('does nothing when granting a held role or revoking one not held', () => {
      given(workspaceDecider, [...staffed, granted(member.userId, 'ViewAllSupportRequests')])
        .when(grant)
        .thenNothing();
      given(workspaceDecider, staffed).when(revoke).thenNothing();
    });

    it('refuses a caller who does not administer the workspace', () => {
      given(workspaceDecider, staffed)
        .when({ ...grant, by: member })
        .thenFails('workspace_administrator_required');
      given(workspaceDecider, staffed)
        .when({ ...revoke, by: member })
        .thenFails('workspace_administrator_required');
    });

    it('answers 404 member_not_found for a user who is not a member', () => {
      const stranger = { userId: 'u-stranger' as UserId };
      given(workspaceDecider, staffed)
        .when({ ...grant, ...stranger })
        .thenFails('member_not_found');
      given(workspaceDecider, staffed)
        .when({ ...revoke, ...stranger })
        .thenFails('member_not_found');
    });

    it('refuses an unknown role and revoking Member', () => {
      given(workspaceDecider, staffed)
        .when({ ...grant, role: 'Owner' as never })
        .thenFails('validation_failed');
      given(workspaceDecider, staffed)
        .when({ ...revoke, role: 'Member' })
        .thenFails('member_role_not_revocable');
    });
  });

  describe('CreateGroup', () => {
    it('creates a group of members', () => {
      given(workspaceDecider, staffed).when(createGroup).then([groupCreated]);
    });

    it('refuses a caller who does not administer the workspace', () => {
      given(workspaceDecider, staffed)
        .when({ ...createGroup, by: member })
        .thenFails('workspace_administrator_required');
    });

    it('answers 404 member_not_found when a user is not a member', () => {
      given(workspaceDecider, staffed)
        .when({ ...createGroup, memberUserIds: [member.userId, 'u-stranger' as UserId] })
        .thenFails('member_not_found');
    });

    it('refuses a name already used, whatever its case, and a group id already used', () => {
      given(workspaceDecider, [...staffed, groupCreated])
        .when({ ...createGroup, groupId: 'grp-2' as GroupId, name: 'OPS' })
        .thenFails('group_name_taken');
      given(workspaceDecider, [...staffed, groupCreated])
        .when({ ...createGroup, name: 'Other' })
        .thenFails('group_already_exists');
    });
  });
});
