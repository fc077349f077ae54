import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, callerOf } from '@hub/access';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import {
  AccountPolicyDto,
  ActivateAgreementDto,
  AgreementActivatedAnswer,
  BusinessCalendarDto,
  CustomerAdministratorDto,
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

  @Put(':agreementId/calendar')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Set the time zone and holidays business-time targets follow (CustomerAdministrator, CSAM, AC)',
  })
  @ApiOkResponse({ type: PositionAnswer })
  @ApiResponse({ status: 400, description: 'validation_failed (timeZone, holidays)' })
  @ApiResponse({ status: 403, description: 'customer_administrator_required' })
  setCalendar(
    @Param('agreementId') agreementId: string,
    @Body() dto: BusinessCalendarDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    const request = { agreementId, timeZone: dto.timeZone, holidays: dto.holidays };
    return this.commands.execute(
      runCommand(agreementCommands.setCalendar, request, callerOf(user), context),
    );
  }

  @Post(':agreementId/customer-administrators')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Appoint a further Customer Administrator (CustomerAdministrator, CSAM, AC)',
  })
  @ApiOkResponse({ type: PositionAnswer })
  @ApiResponse({ status: 403, description: 'customer_administrator_required' })
  @ApiResponse({ status: 404, description: 'agreement_not_found' })
  @ApiResponse({
    status: 409,
    description:
      'appointee_not_member: the user is a member of no workspace of the agreement and not a directory user of its customer organisation',
  })
  appointAdministrator(
    @Param('agreementId') agreementId: string,
    @Body() dto: CustomerAdministratorDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(
        agreementCommands.appointCustomerAdministrator,
        { agreementId, userId: dto.userId },
        callerOf(user),
        context,
      ),
    );
  }

  @Delete(':agreementId/customer-administrators/:userId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Remove a Customer Administrator; never the last (409 last_customer_administrator)',
  })
  @ApiOkResponse({ type: PositionAnswer })
  @ApiResponse({
    status: 404,
    description: 'agreement_not_found, customer_administrator_not_found',
  })
  @ApiResponse({ status: 409, description: 'last_customer_administrator' })
  removeAdministrator(
    @Param('agreementId') agreementId: string,
    @Param('userId') userId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(
        agreementCommands.removeCustomerAdministrator,
        { agreementId, userId },
        callerOf(user),
        context,
      ),
    );
  }
}
