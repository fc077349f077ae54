import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
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
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import {
  AccountPolicyDto,
  ActivateAgreementDto,
  AgreementActivatedAnswer,
  PositionAnswer,
} from './agreement.dto';
import { runCommand } from '@hub/application/execution/command';
import { agreementCommands } from '@hub/application/agreements/agreement.commands';

/** Agreement commands (api.md "Commands"). */
@ApiTags('agreements')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Activate an agreement; its default workspace and invitations follow (CSAM, AC)',
  })
  @ApiCreatedResponse({ type: AgreementActivatedAnswer })
  activate(
    @Body() dto: ActivateAgreementDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<AgreementActivatedAnswer> {
    return this.commands.execute(
      runCommand(agreementCommands.activate, dto, callerOf(user), context),
    );
  }

  @Put(':agreementId/account-policy')
  @HttpCode(200)
  @ApiOperation({ summary: 'Allow or refuse personal accounts (Customer Administrator)' })
  @ApiOkResponse({ type: PositionAnswer })
  changeAccountPolicy(
    @Param('agreementId') agreementId: string,
    @Body() dto: AccountPolicyDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(
        agreementCommands.changeAccountPolicy,
        { ...dto, agreementId },
        callerOf(user),
        context,
      ),
    );
  }
}
