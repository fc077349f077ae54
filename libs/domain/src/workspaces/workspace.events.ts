import {
  AgreementId,
  ContractId,
  DomainEvent,
  GroupId,
  InvitationId,
  PackageId,
  UserId,
  WorkspaceId,
} from '../shared';

/** Roles granted per workspace (domain.md §1). */
export type WorkspaceRole =
  | 'WorkspaceAdministrator'
  | 'CustomerActivity'
  | 'ViewAllSupportRequests'
  | 'LearningManager'
  | 'Member';

/** Every workspace role, for validation. */
export const WORKSPACE_ROLES: readonly WorkspaceRole[] = [
  'WorkspaceAdministrator',
  'CustomerActivity',
  'ViewAllSupportRequests',
  'LearningManager',
  'Member',
];

/** What an invitation makes its invitee: workspace roles, and for the Service Administrator also CustomerAdministrator. */
export type IntendedRole = WorkspaceRole | 'CustomerAdministrator';

/** A workspace was created in an agreement: the default one on activation, or an additional one. */
export type WorkspaceCreated = DomainEvent<
  'WorkspaceCreated',
  {
    workspaceId: WorkspaceId;
    agreementId: AgreementId;
    name: string;
    purpose: string;
    isDefault: boolean;
    createdAt: string;
  }
>;

/** Someone was invited by e-mail to join the workspace (the outbox sends the e-mail). */
export type MemberInvited = DomainEvent<
  'MemberInvited',
  {
    invitationId: InvitationId;
    workspaceId: WorkspaceId;
    email: string;
    name: string;
    intendedRoles: IntendedRole[];
    invitedAt: string;
    /** Absent when the hub invited (default workspace, additional workspace's first administrator). */
    invitedBy?: UserId;
  }
>;

/** The invitee accepted and became a member; RoleGranted events follow for their roles. */
export type InvitationAccepted = DomainEvent<
  'InvitationAccepted',
  {
    invitationId: InvitationId;
    workspaceId: WorkspaceId;
    userId: UserId;
    email: string;
    accountType: 'work' | 'personal';
    /** The invitation intended CustomerAdministrator: the handler appoints them on the agreement. */
    customerAdministrator: boolean;
    acceptedAt: string;
  }
>;

/** A member now holds a workspace role. */
export type RoleGranted = DomainEvent<
  'RoleGranted',
  {
    workspaceId: WorkspaceId;
    userId: UserId;
    role: WorkspaceRole;
    grantedAt: string;
    /** Absent when granted by accepting an invitation. */
    grantedBy?: UserId;
  }
>;

/** A member no longer holds a workspace role. */
/**
 * A member was removed from the workspace: every role there ends, and every case visibility
 * that came through it (shares, and the groups named here, which they leave) (domain.md §3).
 */
export type WorkspaceMemberRemoved = DomainEvent<
  'WorkspaceMemberRemoved',
  {
    workspaceId: WorkspaceId;
    userId: UserId;
    /** The groups of the workspace the member belonged to. */
    groupIds: GroupId[];
    removedBy: UserId;
    removedAt: string;
  }
>;

export type RoleRevoked = DomainEvent<
  'RoleRevoked',
  {
    workspaceId: WorkspaceId;
    userId: UserId;
    role: WorkspaceRole;
    revokedAt: string;
    revokedBy: UserId;
  }
>;

/** A group of members was created, to which cases can be opened (case group access). */
export type GroupCreated = DomainEvent<
  'GroupCreated',
  {
    workspaceId: WorkspaceId;
    groupId: GroupId;
    name: string;
    memberUserIds: UserId[];
    createdAt: string;
  }
>;

/** What a mapping makes visible in a workspace (a contract or an add-on package), and since when. */
type MappedToWorkspace<T extends string, Aspect extends object> = DomainEvent<
  T,
  { workspaceId: WorkspaceId } & Aspect & { mappedAt: string }
>;

/** A contract's aspects are now visible in the workspace. */
export type ContractMappedToWorkspace = MappedToWorkspace<
  'ContractMappedToWorkspace',
  { contractId: ContractId }
>;

/** An add-on package's aspects are now visible in the workspace. */
export type PackageMappedToWorkspace = MappedToWorkspace<
  'PackageMappedToWorkspace',
  { packageId: PackageId }
>;

/** Every fact of a `workspace-<workspaceId>` stream. */
export type WorkspaceEvent =
  | WorkspaceCreated
  | MemberInvited
  | InvitationAccepted
  | RoleGranted
  | RoleRevoked
  | GroupCreated
  | ContractMappedToWorkspace
  | PackageMappedToWorkspace
  | WorkspaceMemberRemoved;
