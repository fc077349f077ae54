// Shared test data for the workspace specs (not exported from the library).
import { AgreementId, Caller, InvitationId, UserId, WorkspaceId } from '../shared';
import {
  IntendedRole,
  InvitationAccepted,
  MemberInvited,
  RoleGranted,
  WorkspaceCreated,
  WorkspaceEvent,
  WorkspaceRole,
} from './workspace.events';
import { invitationIdFor } from './workspace.state';

export const workspaceId = 'ws-1' as WorkspaceId;
export const agreementId = 'agr-1' as AgreementId;
export const at = '2025-03-03T10:00:00.000Z';
export const csam: Caller = { userId: 'u-csam' as UserId, providerRoles: ['CSAM'] };
export const admin: Caller = {
  userId: 'u-admin' as UserId,
  email: 'admin@contoso.com',
  providerRoles: [],
};
export const customerAdmin: Caller = {
  userId: 'u-ca' as UserId,
  email: 'ca@contoso.com',
  providerRoles: [],
  isCustomerAdministrator: true,
};
export const member: Caller = {
  userId: 'u-member' as UserId,
  email: 'member@contoso.com',
  providerRoles: [],
};

export const workspaceCreated: WorkspaceCreated = {
  type: 'WorkspaceCreated',
  data: {
    workspaceId,
    agreementId,
    name: 'Data platform',
    purpose: 'Analytics team',
    isDefault: false,
    createdAt: at,
  },
};

export function invited(
  email: string,
  intendedRoles: IntendedRole[],
  extra: { name?: string; invitedBy?: UserId } = {},
): MemberInvited {
  return {
    type: 'MemberInvited',
    data: {
      invitationId: invitationIdFor(workspaceId, email),
      workspaceId,
      email,
      name: extra.name ?? email,
      intendedRoles,
      invitedAt: at,
      ...(extra.invitedBy ? { invitedBy: extra.invitedBy } : {}),
    },
  };
}

/** The events of `caller` having joined with `roles` (Member first). */
export function joined(caller: Caller, roles: WorkspaceRole[] = ['Member']): WorkspaceEvent[] {
  const email = caller.email ?? `${caller.userId}@contoso.com`;
  const accepted: InvitationAccepted = {
    type: 'InvitationAccepted',
    data: {
      invitationId: invitationIdFor(workspaceId, email) as InvitationId,
      workspaceId,
      userId: caller.userId,
      email,
      accountType: 'work',
      customerAdministrator: false,
      acceptedAt: at,
    },
  };
  return [invited(email, roles), accepted, ...roles.map((role) => granted(caller.userId, role))];
}

export function granted(userId: UserId, role: WorkspaceRole, grantedBy?: UserId): RoleGranted {
  return {
    type: 'RoleGranted',
    data: { workspaceId, userId, role, grantedAt: at, ...(grantedBy ? { grantedBy } : {}) },
  };
}

/** A workspace with an administrator and a plain member. */
export const staffed: WorkspaceEvent[] = [
  workspaceCreated,
  ...joined(admin, ['Member', 'WorkspaceAdministrator']),
  ...joined(member),
];
