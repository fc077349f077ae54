// The plain shapes of the workspaces commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/workspaces/workspace-membership.dto.ts are validated classes of the same shape).
import { WorkspaceRole } from '@hub/domain/workspaces/workspace.events';

/** POST /v1/workspaces/{workspaceId}/mappings: a contract or an add-on package, exactly one. */
export interface MappingRequest {
  contractId?: string;
  packageId?: string;
}

/** POST /v1/workspaces/{workspaceId}/invitations. */
export interface InvitationRequest {
  email: string;
  name?: string;
}

/** POST /v1/workspaces/{workspaceId}/roles. */
export interface GrantRoleRequest {
  userId: string;
  role: WorkspaceRole;
}

/** POST /v1/workspaces/{workspaceId}/groups. */
export interface CreateGroupRequest {
  groupId?: string;
  name: string;
  memberUserIds: string[];
}

/** The answer of POST …/invitations. */
export interface InvitationSentAnswer {
  invitationId: string;
  position: string;
}

/** The answer of POST …/groups. */
export interface GroupCreatedAnswer {
  groupId: string;
  position: string;
}
