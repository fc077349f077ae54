// The plain shapes of the invitations commands' requests and answers (the HTTP DTOs in
// apps/hub-api/src/invitations/accept-invitation.dto.ts are validated classes of the same shape).
/** The answer of an accepted invitation: the workspace the caller now belongs to. */
export interface InvitationAcceptedAnswer {
  workspaceId: string;
  position: string;
}
