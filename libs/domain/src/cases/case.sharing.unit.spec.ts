import { given } from '@hub/testing';
import { GroupId } from '../shared';
import { caseDecider } from './case.decider';
import {
  caseId,
  at,
  alice,
  bob,
  stranger,
  workspace,
  asAdmin,
  opened,
  share,
  groupAccess,
} from './case.fixtures';

describe('case decider: sharing', () => {
  describe('ShareCase', () => {
    const shared = {
      type: 'CaseShared' as const,
      data: { caseId, userId: bob.userId, sharedBy: alice.userId, sharedAt: at },
    };

    it('lets the primary contact share with a member, once', () => {
      given(caseDecider, [opened]).when(share).then([shared]);
      given(caseDecider, [opened, shared]).when(share).thenNothing();
    });

    it('lets a workspace administrator share', () => {
      given(caseDecider, [opened])
        .when({ ...share, ...asAdmin, by: bob })
        .then([{ ...shared, data: { ...shared.data, sharedBy: bob.userId } }]);
    });

    it('refuses anyone else', () => {
      given(caseDecider, [opened])
        .when({ ...share, by: bob })
        .thenFails('case_owner_required');
    });

    it('shares again with a member whose membership began after the earlier share', () => {
      given(caseDecider, [opened, shared])
        .when({ ...share, targetMemberSince: '2025-03-03T12:00:00.000Z' })
        .then([shared]);
      given(caseDecider, [opened, shared])
        .when({ ...share, targetMemberSince: '2025-03-01T00:00:00.000Z' })
        .thenNothing();
    });

    it('refuses a target who is not a workspace member', () => {
      given(caseDecider, [opened])
        .when({ ...share, userId: stranger.userId })
        .thenFails('share_target_not_member');
    });
  });

  describe('GrantGroupAccess', () => {
    const grantedAccess = {
      type: 'CaseGroupAccessGranted' as const,
      data: { caseId, groupId: 'grp-1' as GroupId, grantedBy: bob.userId, grantedAt: at },
    };

    it('lets a workspace administrator open the case to a group, once', () => {
      given(caseDecider, [opened]).when(groupAccess).then([grantedAccess]);
      given(caseDecider, [opened, grantedAccess]).when(groupAccess).thenNothing();
    });

    it('refuses a non-administrator, even the primary contact', () => {
      given(caseDecider, [opened])
        .when({ ...groupAccess, ...workspace, by: alice })
        .thenFails('workspace_administrator_required');
    });

    it('answers 404 for an unknown group', () => {
      given(caseDecider, [opened])
        .when({ ...groupAccess, groupExists: false })
        .thenFails('group_not_found');
    });
  });
});
