import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, callerOf } from '@hub/access';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import { AcceptInvitationDto, InvitationAcceptedAnswer } from './accept-invitation.dto';
import { runCommand } from '@hub/application/execution/command';
import { invitationCommands } from '@hub/application/invitations/invitation.commands';

/** Invitation commands (api.md "Commands"). */
@ApiTags('invitations')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':invitationId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept an invitation (the invitee: the token's e-mail must match)" })
  @ApiOkResponse({ type: InvitationAcceptedAnswer })
  accept(
    @Param('invitationId') invitationId: string,
    @Body() _none: AcceptInvitationDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<InvitationAcceptedAnswer> {
    return this.commands.execute(
      runCommand(invitationCommands.accept, { invitationId }, callerOf(user), context),
    );
  }
}
