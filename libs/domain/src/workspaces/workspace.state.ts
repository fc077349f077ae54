import {
  AgreementId,
  Caller,
  ContractId,
  ForbiddenError,
  GroupId,
  InvitationId,
  NotFoundError,
  PackageId,
  UserId,
  WorkspaceId,
  deterministicId,
} from '../shared';
import { IntendedRole, WorkspaceEvent, WorkspaceRole } from './workspace.events';

/** The stream holding one workspace's history. */
export function workspaceStream(workspaceId: WorkspaceId): string {
  return `workspace-${workspaceId}`;
}

/** An invitation's id, derived from workspace and e-mail so a replayed step derives the same id. */
export function invitationIdFor(workspaceId: WorkspaceId, email: string): InvitationId {
  return deterministicId('invitation', workspaceId, email.toLowerCase()) as InvitationId;
}

/** A member: who accepted, with the workspace roles they hold. */
export interface WorkspaceMember {
  userId: UserId;
  email: string;
  roles: WorkspaceRole[];
  /** When this membership began (its invitation was accepted). */
  joinedAt?: string;
}

/** An invitation, pending until its invitee accepts. */
export interface WorkspaceInvitation {
  invitationId: InvitationId;
  email: string;
  name: string;
  intendedRoles: IntendedRole[];
  status: 'pending' | 'accepted';
}

/** A named set of members. */
export interface WorkspaceGroup {
  groupId: GroupId;
  name: string;
  memberUserIds: UserId[];
}

/** A created workspace: who belongs, who is invited, its groups and what is mapped into it. */
export interface CreatedWorkspace {
  status: 'created';
  workspaceId: WorkspaceId;
  agreementId: AgreementId;
  name: string;
  purpose: string;
  isDefault: boolean;
  members: Readonly<Record<string, WorkspaceMember>>;
  invitations: Readonly<Record<string, WorkspaceInvitation>>;
  groups: Readonly<Record<string, WorkspaceGroup>>;
  mappedContracts: ContractId[];
  mappedPackages: PackageId[];
}

/** Nothing yet, or a created workspace. */
export type WorkspaceState = { status: 'none' } | CreatedWorkspace;

/** Answers the workspace or 404 `workspace_not_found`. */
export function requireWorkspace(
  state: WorkspaceState,
  workspaceId: WorkspaceId,
): CreatedWorkspace {
  if (state.status === 'none') {
    throw new NotFoundError(
      `Workspace ${workspaceId} not found.`,
      { workspaceId },
      'workspace_not_found',
    );
  }
  return state;
}

/** The member with this e-mail (case-insensitive), if any. */
export function memberByEmail(ws: CreatedWorkspace, email: string): WorkspaceMember | undefined {
  const wanted = email.toLowerCase();
  return Object.values(ws.members).find((member) => member.email.toLowerCase() === wanted);
}

/** Whether the caller administers this workspace: its Workspace Administrator, or a Customer Administrator. */
export function administers(ws: CreatedWorkspace, caller: Caller): boolean {
  const roles = ws.members[caller.userId]?.roles ?? [];
  return roles.includes('WorkspaceAdministrator') || caller.isCustomerAdministrator === true;
}

/** Refuses (403 `workspace_administrator_required`) a caller who does not administer the workspace. */
export function requireAdministrator(ws: CreatedWorkspace, caller: Caller, action: string): void {
  if (!administers(ws, caller)) {
    throw new ForbiddenError(
      `Only a Workspace or Customer Administrator may ${action}.`,
      'workspace_administrator_required',
    );
  }
}

function withRoles(
  ws: CreatedWorkspace,
  userId: UserId,
  change: (roles: WorkspaceRole[]) => WorkspaceRole[],
) {
  const member = ws.members[userId];
  if (!member) return ws;
  return {
    ...ws,
    members: { ...ws.members, [userId]: { ...member, roles: change(member.roles) } },
  };
}

/** Folds one workspace event. */
export function evolveWorkspace(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  if (event.type === 'WorkspaceCreated') {
    const { createdAt: _at, ...created } = event.data;
    return {
      status: 'created',
      ...created,
      members: {},
      invitations: {},
      groups: {},
      mappedContracts: [],
      mappedPackages: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'MemberInvited': {
      const { invitationId, email, name, intendedRoles } = event.data;
      const invitation: WorkspaceInvitation = {
        invitationId,
        email,
        name,
        intendedRoles,
        status: 'pending',
      };
      return { ...state, invitations: { ...state.invitations, [invitationId]: invitation } };
    }
    case 'InvitationAccepted': {
      const { invitationId, userId, email, acceptedAt } = event.data;
      const invitation = state.invitations[invitationId];
      const invitations = invitation
        ? { ...state.invitations, [invitationId]: { ...invitation, status: 'accepted' as const } }
        : state.invitations;
      const member = state.members[userId] ?? { userId, email, roles: [], joinedAt: acceptedAt };
      return { ...state, invitations, members: { ...state.members, [userId]: member } };
    }
    case 'RoleGranted':
      return withRoles(state, event.data.userId, (roles) =>
        roles.includes(event.data.role) ? roles : [...roles, event.data.role],
      );
    case 'RoleRevoked':
      return withRoles(state, event.data.userId, (roles) =>
        roles.filter((r) => r !== event.data.role),
      );
    case 'GroupCreated': {
      const { groupId, name, memberUserIds } = event.data;
      return { ...state, groups: { ...state.groups, [groupId]: { groupId, name, memberUserIds } } };
    }
    case 'WorkspaceMemberRemoved': {
      const { userId } = event.data;
      const { [userId]: removed, ...members } = state.members;
      // Their accepted invitation goes too, so the same address can be invited again.
      const email = removed?.email.toLowerCase();
      const invitations = Object.fromEntries(
        Object.entries(state.invitations).filter(
          ([, invitation]) => invitation.email.toLowerCase() !== email,
        ),
      );
      const groups = Object.fromEntries(
        Object.entries(state.groups).map(([id, group]) => [
          id,
          { ...group, memberUserIds: group.memberUserIds.filter((member) => member !== userId) },
        ]),
      );
      return { ...state, members, groups, invitations };
    }
    case 'ContractMappedToWorkspace':
      return { ...state, mappedContracts: [...state.mappedContracts, event.data.contractId] };
    case 'PackageMappedToWorkspace':
      return { ...state, mappedPackages: [...state.mappedPackages, event.data.packageId] };
  }
}
