import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequireTokenRole, callerOf } from '@hub/access';
import { PositionAnswer } from '../agreements/agreement.dto';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import { PartnerAccessDto, ReadOnlyAccessDto, RegisterSubscriptionDto } from './subscription.dto';
import { runCommand } from '@hub/application/execution/command';
import { customerCommands } from '@hub/application/subscriptions/customer.commands';

/** A customer's subscriptions, partner access and read-only consent (domain.md §6–§7). */
@ApiTags('customers')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('customers/:orgId')
export class CustomersController {
  constructor(private readonly commands: CommandBus) {}

  @Post('subscriptions')
  @RequireTokenRole('Service')
  @ApiOperation({ summary: "Record a customer's subscription and its provider (Service)" })
  @ApiCreatedResponse({ type: PositionAnswer })
  registerSubscription(
    @Param('orgId') orgId: string,
    @Body() dto: RegisterSubscriptionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(customerCommands.registerSubscription, { ...dto, orgId }, callerOf(user), context),
    );
  }

  @Post('subscriptions/:subscriptionId/partner-access')
  @ApiOperation({ summary: 'Give a partner access on a subscription (CustomerAdministrator)' })
  @ApiCreatedResponse({ type: PositionAnswer })
  grantPartnerAccess(
    @Param('orgId') orgId: string,
    @Param('subscriptionId') subscriptionId: string,
    @Body() dto: PartnerAccessDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    const request = { ...dto, orgId, subscriptionId };
    return this.commands.execute(
      runCommand(customerCommands.grantPartnerAccess, request, callerOf(user), context),
    );
  }

  @Post('readonly-access')
  @HttpCode(200)
  @ApiOperation({
    summary: "Allow or withdraw a partner Help Desk's read-only view (CustomerAdministrator)",
  })
  @ApiOkResponse({ type: PositionAnswer })
  setReadOnlyAccess(
    @Param('orgId') orgId: string,
    @Body() dto: ReadOnlyAccessDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(customerCommands.setReadOnlyAccess, { ...dto, orgId }, callerOf(user), context),
    );
  }
}
