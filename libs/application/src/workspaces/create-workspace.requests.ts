// The plain shapes of the workspaces commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/workspaces/create-workspace.dto.ts are validated classes of the same shape).
/** A person named by e-mail (they have no user id until they accept an invitation). */
export interface NamedPersonRequest {
  email: string;
  name: string;
}

/** POST /v1/workspaces: an additional workspace with its first Workspace Administrator. */
export interface CreateWorkspaceRequest {
  agreementId: string;
  name: string;
  purpose: string;
  administrator: NamedPersonRequest;
}

/** The answer of a command that created a workspace. */
export interface WorkspaceCreatedAnswer {
  workspaceId: string;
  position: string;
}
