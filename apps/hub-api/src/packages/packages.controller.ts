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
import { AuthenticatedUser, CurrentUser, callerOf } from '@hub/access';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import { PositionAnswer } from '../agreements/agreement.dto';
import { PackagePurchasedAnswer, PurchasePackageDto, WithdrawPackageDto } from './package.dto';
import { runCommand } from '@hub/application/execution/command';
import { packageCommands } from '@hub/application/packages/package.commands';

/** Add-on package commands (api.md "Commands"). */
@ApiTags('packages')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller()
export class PackagesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('contracts/:contractId/packages')
  @ApiOperation({ summary: 'Add an add-on package to a contract (CSAM, AC)' })
  @ApiCreatedResponse({ type: PackagePurchasedAnswer })
  purchase(
    @Param('contractId') contractId: string,
    @Body() dto: PurchasePackageDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PackagePurchasedAnswer> {
    return this.commands.execute(
      runCommand(packageCommands.purchase, { ...dto, contractId }, callerOf(user), context),
    );
  }

  @Post('packages/:packageId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an add-on package (CSAM, AC)' })
  @ApiOkResponse({ type: PositionAnswer })
  withdraw(
    @Param('packageId') packageId: string,
    @Body() dto: WithdrawPackageDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(packageCommands.withdraw, { ...dto, packageId }, callerOf(user), context),
    );
  }
}
