import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, callerOf } from '@hub/access';
import { helpdeskCommands } from '@hub/application/helpdesk/helpdesk.commands';
import {
  ReadOnlySessionStatus,
  ReadOnlySessionStatusAnswer,
} from '@hub/application/helpdesk/readonly-session.status';
import { SendVerificationCodeCommand } from '@hub/application/helpdesk/send-verification-code.handler';
import { PositionAnswer } from '../agreements/agreement.dto';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import {
  ConfirmVerificationCodeDto,
  ReadOnlySessionOpenedAnswer,
  VerificationCodeSentAnswer,
  VerificationConfirmedAnswer,
} from './helpdesk.dto';

/**
 * Help Desk commands (domain.md §7). HelpDeskAgent is granted in the hub, not carried by the
 * token, so the commands check it (403 `helpdesk_agent_required`).
 */
@CommandsController('helpdesk', 'helpdesk')
export class HelpDeskController extends CommandRoutes {
  constructor(
    commands: CommandBus,
    private readonly sessions: ReadOnlySessionStatus,
  ) {
    super(commands);
  }

  @Post('users/:userId/verification-codes')
  @Answers(
    201,
    VerificationCodeSentAnswer,
    "Send a verification code to the user's e-mail (HelpDeskAgent)",
  )
  sendCode(@Param('userId') userId: string, @By() by: Issuer): Promise<VerificationCodeSentAnswer> {
    const command = new SendVerificationCodeCommand(userId, callerOf(by.user), by.context);
    return this.commands.execute(command);
  }

  @Post('users/:userId/verification-codes/confirm')
  @Answers(200, VerificationConfirmedAnswer, 'Confirm the code the user read back (HelpDeskAgent)')
  confirmCode(
    @Param('userId') userId: string,
    @Body() { code }: ConfirmVerificationCodeDto,
    @By() by: Issuer,
  ): Promise<VerificationConfirmedAnswer> {
    return this.run(helpdeskCommands.confirmVerificationCode, { userId, code }, by);
  }

  @Delete('suppression-list/:email')
  @Answers(200, PositionAnswer, 'Take an address off the do-not-contact list (HelpDeskAgent)')
  removeSuppression(@Param('email') email: string, @By() by: Issuer) {
    return this.run(helpdeskCommands.removeSuppression, { email }, by);
  }

  @Get('readonly-sessions/:sessionId')
  @ApiOperation({
    summary: "A read-only session's status: open, expired, or ended by the customer's withdrawal",
  })
  @ApiOkResponse({ type: ReadOnlySessionStatusAnswer })
  readOnlySession(
    @Param('sessionId') sessionId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReadOnlySessionStatusAnswer> {
    return this.sessions.of(sessionId, user);
  }

  @Post('orgs/:orgId/readonly-sessions')
  @Answers(
    201,
    ReadOnlySessionOpenedAnswer,
    'Open the org as a read-only administrator, with consent (HelpDeskAgent)',
  )
  openReadOnlySession(@Param('orgId') orgId: string, @By() by: Issuer) {
    return this.run(helpdeskCommands.openReadOnlySession, { orgId }, by);
  }
}
