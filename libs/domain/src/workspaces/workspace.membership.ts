import { ForbiddenError, NotFoundError, UserId, ValidationError, refuse } from '../shared';
import {
  AcceptInvitation,
  CreateGroup,
  GrantRole,
  InviteMember,
  RemoveMember,
  RevokeRole,
} from './workspace.commands';
import { WORKSPACE_ROLES, WorkspaceEvent, WorkspaceRole } from './workspace.events';
import { CreatedWorkspace, memberByEmail, requireAdministrator } from './workspace.state';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function memberNotFound(userId: UserId): NotFoundError {
  return new NotFoundError(`User ${userId} is not a member.`, { userId }, 'member_not_found');
}

/** InviteMember: by an administrator; never twice for the same e-mail. */
export function decideInvite(command: InviteMember, ws: CreatedWorkspace): WorkspaceEvent[] {
  requireAdministrator(ws, command.by, 'invite members');
  const roles = command.intendedRoles ?? ['Member'];
  const fields: Record<string, string[]> = {};
  if (!EMAIL.test(command.email ?? '')) fields.email = ['must be an e-mail address'];
  if (roles.some((role) => !WORKSPACE_ROLES.includes(role)))
    fields.intendedRoles = ['unknown role'];
  if (Object.keys(fields).length > 0) throw new ValidationError('Invalid invitation.', fields);
  if (memberByEmail(ws, command.email)) {
    refuse('already_member', `${command.email} is already a member.`);
  }
  const email = command.email.toLowerCase();
  const pending = Object.values(ws.invitations).some(
    (inv) => inv.status === 'pending' && inv.email.toLowerCase() === email,
  );
  if (pending) refuse('already_invited', `${command.email} is already invited.`);
  if (ws.invitations[command.invitationId]) {
    refuse('invitation_already_exists', `Invitation ${command.invitationId} already exists.`);
  }
  return [
    {
      type: 'MemberInvited',
      data: {
        invitationId: command.invitationId,
        workspaceId: ws.workspaceId,
        email: command.email,
        name: command.name ?? command.email,
        intendedRoles: roles.includes('Member') ? roles : ['Member', ...roles],
        invitedAt: command.at,
        invitedBy: command.by.userId,
      },
    },
  ];
}

/** AcceptInvitation: the token's e-mail must be the invited one; the account-type policy applies. */
export function decideAccept(command: AcceptInvitation, ws: CreatedWorkspace): WorkspaceEvent[] {
  const invitation = ws.invitations[command.invitationId];
  if (!invitation) {
    throw new NotFoundError(
      `Invitation ${command.invitationId} not found.`,
      { invitationId: command.invitationId },
      'invitation_not_found',
    );
  }
  if (command.by.email?.toLowerCase() !== invitation.email.toLowerCase()) {
    throw new ForbiddenError(
      'The invitation was sent to another e-mail.',
      'invitation_email_mismatch',
    );
  }
  if (invitation.status === 'accepted') {
    refuse(
      'invitation_already_accepted',
      `Invitation ${command.invitationId} was already accepted.`,
    );
  }
  const accountType = command.by.accountType ?? 'work';
  // Account-type policy (domain.md §3): unified refuses personal accounts unless allowed.
  if (
    accountType === 'personal' &&
    command.agreementType === 'unified' &&
    !command.allowPersonalAccounts
  ) {
    refuse('personal_accounts_not_allowed', 'This agreement does not accept personal accounts.');
  }
  const userId = command.by.userId;
  const held = ws.members[userId]?.roles ?? [];
  const intended = invitation.intendedRoles.filter(
    (role): role is WorkspaceRole => role !== 'CustomerAdministrator',
  );
  const roles = [...new Set<WorkspaceRole>(['Member', ...intended])].filter(
    (r) => !held.includes(r),
  );
  return [
    {
      type: 'InvitationAccepted',
      data: {
        invitationId: invitation.invitationId,
        workspaceId: ws.workspaceId,
        userId,
        email: invitation.email,
        accountType,
        customerAdministrator: invitation.intendedRoles.includes('CustomerAdministrator'),
        acceptedAt: command.at,
      },
    },
    ...roles.map((role): WorkspaceEvent => ({
      type: 'RoleGranted',
      data: { workspaceId: ws.workspaceId, userId, role, grantedAt: command.at },
    })),
  ];
}

/** GrantRole / RevokeRole: by an administrator, to a member; a no-op when already so. */
export function decideRole(
  command: GrantRole | RevokeRole,
  ws: CreatedWorkspace,
): WorkspaceEvent[] {
  const granting = command.type === 'GrantRole';
  requireAdministrator(ws, command.by, granting ? 'grant roles' : 'revoke roles');
  if (!WORKSPACE_ROLES.includes(command.role)) {
    throw new ValidationError('Unknown role.', {
      role: [`must be one of ${WORKSPACE_ROLES.join(', ')}`],
    });
  }
  const member = ws.members[command.userId];
  if (!member) throw memberNotFound(command.userId);
  const holds = member.roles.includes(command.role);
  const base = { workspaceId: ws.workspaceId, userId: command.userId, role: command.role };
  if (granting) {
    return holds
      ? []
      : [
          {
            type: 'RoleGranted',
            data: { ...base, grantedAt: command.at, grantedBy: command.by.userId },
          },
        ];
  }
  if (!holds) return [];
  // Membership itself is what an invitation gave; taking it away is not a role change.
  if (command.role === 'Member') {
    refuse(
      'member_role_not_revocable',
      'The Member role comes with membership and cannot be revoked.',
    );
  }
  return [
    { type: 'RoleRevoked', data: { ...base, revokedAt: command.at, revokedBy: command.by.userId } },
  ];
}

/** CreateGroup: by an administrator; members only; a name used once. */
export function decideGroup(command: CreateGroup, ws: CreatedWorkspace): WorkspaceEvent[] {
  requireAdministrator(ws, command.by, 'create groups');
  if (!command.name?.trim())
    throw new ValidationError('Invalid group.', { name: ['must not be empty'] });
  if (ws.groups[command.groupId])
    refuse('group_already_exists', `Group ${command.groupId} already exists.`);
  const name = command.name.trim().toLowerCase();
  if (Object.values(ws.groups).some((group) => group.name.trim().toLowerCase() === name)) {
    refuse('group_name_taken', `A group named ${command.name} already exists.`);
  }
  const stranger = command.memberUserIds.find((userId) => !ws.members[userId]);
  if (stranger !== undefined) throw memberNotFound(stranger);
  return [
    {
      type: 'GroupCreated',
      data: {
        workspaceId: ws.workspaceId,
        groupId: command.groupId,
        name: command.name,
        memberUserIds: [...new Set(command.memberUserIds)],
        createdAt: command.at,
      },
    },
  ];
}

/** RemoveMember: by an administrator; the member's roles and groups there end with it. */
export function decideRemoveMember(command: RemoveMember, ws: CreatedWorkspace): WorkspaceEvent[] {
  requireAdministrator(ws, command.by, 'remove members');
  if (!ws.members[command.userId]) throw memberNotFound(command.userId);
  const groupIds = Object.values(ws.groups)
    .filter((group) => group.memberUserIds.includes(command.userId))
    .map((group) => group.groupId)
    .sort();
  return [
    {
      type: 'WorkspaceMemberRemoved',
      data: {
        workspaceId: ws.workspaceId,
        userId: command.userId,
        groupIds,
        removedBy: command.by.userId,
        removedAt: command.at,
      },
    },
  ];
}
