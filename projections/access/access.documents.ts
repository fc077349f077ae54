/** A workspace as the access projection keeps it. */
export interface WorkspaceDoc {
  [key: string]: unknown;
  workspaceId: string;
  agreementId: string;
  name: string;
  purpose: string;
  isDefault: boolean;
  createdAt: string;
  mappedContracts: string[];
  mappedPackages: string[];
  groups: Record<string, { name: string; memberUserIds: string[] }>;
}

/** One member of one workspace and the workspace roles they hold there. */
export interface MemberDoc {
  [key: string]: unknown;
  workspaceId: string;
  agreementId: string;
  userId: string;
  roles: string[];
  joinedAt: string;
}

/** An invitation, pending until accepted. */
export interface InvitationDoc {
  [key: string]: unknown;
  invitationId: string;
  workspaceId: string;
  workspaceName: string;
  /**
   * The keyed hash of the invitee's address (`addressKeyOf`), matched against the token's
   * e-mail keyed the same way; null once the invitee is erased. No read shows the address or
   * the name, so the document holds neither.
   */
  emailKey: string | null;
  invitedAt: string;
  status: 'pending' | 'accepted';
}

/** A Customer Administrator of an agreement (administers every workspace of it). */
export interface AgreementAdminDoc {
  [key: string]: unknown;
  agreementId: string;
  userId: string;
}

export const ACCESS_COLLECTIONS = {
  workspaces: 'workspaces',
  members: 'members',
  invitations: 'invitations',
  agreementAdmins: 'agreement_admins',
} as const;

export function memberId(workspaceId: string, userId: string): string {
  return `${workspaceId}:${userId}`;
}
