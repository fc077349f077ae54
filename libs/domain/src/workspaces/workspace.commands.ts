import {
  AgreementId,
  Caller,
  ContractId,
  GroupId,
  InvitationId,
  PackageId,
  UserId,
  WorkspaceId,
} from '../shared';
import { AgreementType, NamedPerson } from '../agreements/agreement.events';
import { WorkspaceRole } from './workspace.events';

/** System step after AgreementActivated: the default workspace and its invitations. No caller check. */
export interface CreateDefaultWorkspace {
  type: 'CreateDefaultWorkspace';
  /** AgreementActivated.defaultWorkspaceId. */
  workspaceId: WorkspaceId;
  agreementId: AgreementId;
  /** Defaults to "Default workspace". */
  name?: string;
  serviceAdministrator: NamedPerson;
  namedContacts: NamedPerson[];
  at: string;
}

/** CSAM/AC: an additional workspace with its first administrator (POST /v1/workspaces). */
export interface CreateWorkspace {
  type: 'CreateWorkspace';
  workspaceId: WorkspaceId;
  agreementId: AgreementId;
  /** Looked up by the handler on the agreement stream. */
  agreementExists: boolean;
  /** The agreement's dates as the handler read them: workspaces are created only within them. */
  agreementPeriod?: { startsOn: string; endsOn: string };
  name: string;
  purpose: string;
  administrator: NamedPerson;
  at: string;
  by: Caller;
}

/** CSAM/AC: map a contract into the workspace (POST …/mappings with contractId). */
export interface MapContract {
  type: 'MapContract';
  workspaceId: WorkspaceId;
  contractId: ContractId;
  /** The contract's agreement as the handler read it; null when the contract does not exist. */
  contractAgreementId: AgreementId | null;
  at: string;
  by: Caller;
}

/** CSAM/AC: map an add-on package into the workspace (POST …/mappings with packageId). */
export interface MapPackage {
  type: 'MapPackage';
  workspaceId: WorkspaceId;
  packageId: PackageId;
  /** The package's agreement as the handler read it; null when the package does not exist. */
  packageAgreementId: AgreementId | null;
  at: string;
  by: Caller;
}

/** A Workspace or Customer Administrator invites someone by e-mail (POST …/invitations). */
export interface InviteMember {
  type: 'InviteMember';
  workspaceId: WorkspaceId;
  /** Suggested: invitationIdFor(workspaceId, email), so a retry derives the same id. */
  invitationId: InvitationId;
  email: string;
  /** Defaults to the e-mail. */
  name?: string;
  /** Defaults to ['Member']; Member is always granted on acceptance. */
  intendedRoles?: WorkspaceRole[];
  at: string;
  by: Caller;
}

/** The invitee accepts (POST /v1/invitations/{id}/accept); by.email and by.accountType matter. */
export interface AcceptInvitation {
  type: 'AcceptInvitation';
  workspaceId: WorkspaceId;
  invitationId: InvitationId;
  /** From the agreement stream, for the account-type policy. */
  agreementType: AgreementType;
  allowPersonalAccounts: boolean;
  at: string;
  by: Caller;
}

/** A Workspace or Customer Administrator grants a role to a member (POST …/roles). */
export interface GrantRole {
  type: 'GrantRole';
  workspaceId: WorkspaceId;
  userId: UserId;
  role: WorkspaceRole;
  at: string;
  by: Caller;
}

/** A Workspace or Customer Administrator revokes a member's role (DELETE …/roles/{role}/users/{userId}). */
export interface RevokeRole {
  type: 'RevokeRole';
  workspaceId: WorkspaceId;
  userId: UserId;
  role: WorkspaceRole;
  at: string;
  by: Caller;
}

/** A Workspace (or Customer) Administrator removes a member (DELETE …/members/{userId}). */
export interface RemoveMember {
  type: 'RemoveMember';
  workspaceId: WorkspaceId;
  userId: UserId;
  at: string;
  by: Caller;
}

/** A Workspace (or Customer) Administrator creates a group of members (POST …/groups). */
export interface CreateGroup {
  type: 'CreateGroup';
  workspaceId: WorkspaceId;
  groupId: GroupId;
  /** Unique in the workspace, case-insensitive. */
  name: string;
  memberUserIds: UserId[];
  at: string;
  by: Caller;
}

/** Every command a workspace decides. */
export type WorkspaceCommand =
  | CreateDefaultWorkspace
  | CreateWorkspace
  | MapContract
  | MapPackage
  | InviteMember
  | AcceptInvitation
  | GrantRole
  | RevokeRole
  | RemoveMember
  | CreateGroup;
