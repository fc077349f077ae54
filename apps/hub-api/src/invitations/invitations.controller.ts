import { Body, Param, Post } from '@nestjs/common';
import { invitationCommands } from '@hub/application/invitations/invitation.commands';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import { AcceptInvitationDto, InvitationAcceptedAnswer } from './accept-invitation.dto';

/** Invitation commands (api.md "Commands"). */
@CommandsController('invitations', 'invitations')
export class InvitationsController extends CommandRoutes {
  @Post(':invitationId/accept')
  @Answers(
    200,
    InvitationAcceptedAnswer,
    "Accept an invitation (the invitee: the token's e-mail must match)",
  )
  accept(
    @Param('invitationId') invitationId: string,
    @Body() _none: AcceptInvitationDto,
    @By() by: Issuer,
  ): Promise<InvitationAcceptedAnswer> {
    return this.run(invitationCommands.accept, { invitationId }, by);
  }
}
