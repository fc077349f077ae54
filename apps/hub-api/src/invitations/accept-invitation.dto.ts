import { ApiProperty } from '@nestjs/swagger';

/** POST /v1/invitations/{invitationId}/accept takes no fields (the token names the invitee). */
export class AcceptInvitationDto {}

/** The answer of an accepted invitation: the workspace the caller now belongs to. */
export class InvitationAcceptedAnswer {
  @ApiProperty()
  workspaceId!: string;

  @ApiProperty({ description: 'Global position of the last event appended (for minPosition)' })
  position!: string;
}
