import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, callerOf } from '@hub/access';
import { PositionAnswer } from '../agreements/agreement.dto';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import {
  ConfirmVerificationCodeDto,
  ReadOnlySessionOpenedAnswer,
  VerificationCodeSentAnswer,
  VerificationConfirmedAnswer,
} from './helpdesk.dto';
import { runCommand } from '@hub/application/execution/command';
import { helpdeskCommands } from '@hub/application/helpdesk/helpdesk.commands';
import {
  ReadOnlySessionStatus,
  ReadOnlySessionStatusAnswer,
} from '@hub/application/helpdesk/readonly-session.status';
import {
  ConfirmVerificationCodeCommand,
  SendVerificationCodeCommand,
} from '@hub/application/helpdesk/verification.handlers';

/**
 * Help Desk commands (domain.md §7). HelpDeskAgent is granted in the hub, not carried by the
 * token, so the handlers check it (403 `helpdesk_agent_required`).
 */
@ApiTags('helpdesk')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('helpdesk')
export class HelpDeskController {
  constructor(
    private readonly commands: CommandBus,
    private readonly sessions: ReadOnlySessionStatus,
  ) {}

  @Post('users/:userId/verification-codes')
  @ApiOperation({ summary: "Send a verification code to the user's e-mail (HelpDeskAgent)" })
  @ApiCreatedResponse({ type: VerificationCodeSentAnswer })
  sendCode(
    @Param('userId') userId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<VerificationCodeSentAnswer> {
    return this.commands.execute(new SendVerificationCodeCommand(userId, callerOf(user), context));
  }

  @Post('users/:userId/verification-codes/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the code the user read back (HelpDeskAgent)' })
  @ApiOkResponse({ type: VerificationConfirmedAnswer })
  confirmCode(
    @Param('userId') userId: string,
    @Body() dto: ConfirmVerificationCodeDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<VerificationConfirmedAnswer> {
    return this.commands.execute(
      new ConfirmVerificationCodeCommand(userId, dto.code, callerOf(user), context),
    );
  }

  @Delete('suppression-list/:email')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an address off the do-not-contact list (HelpDeskAgent)' })
  @ApiOkResponse({ type: PositionAnswer })
  removeSuppression(
    @Param('email') email: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(helpdeskCommands.removeSuppression, { email }, callerOf(user), context),
    );
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
  @ApiOperation({
    summary: 'Open the org as a read-only administrator, with consent (HelpDeskAgent)',
  })
  @ApiCreatedResponse({ type: ReadOnlySessionOpenedAnswer })
  openReadOnlySession(
    @Param('orgId') orgId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<ReadOnlySessionOpenedAnswer> {
    return this.commands.execute(
      runCommand(helpdeskCommands.openReadOnlySession, { orgId }, callerOf(user), context),
    );
  }
}
