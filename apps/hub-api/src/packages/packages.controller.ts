import { Body, Param, Post } from '@nestjs/common';
import { packageCommands } from '@hub/application/packages/package.commands';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import { PositionAnswer } from '../agreements/agreement.dto';
import { PackagePurchasedAnswer, PurchasePackageDto, WithdrawPackageDto } from './package.dto';

/** Add-on package commands (api.md "Commands"). */
@CommandsController('', 'packages')
export class PackagesController extends CommandRoutes {
  @Post('contracts/:contractId/packages')
  @Answers(201, PackagePurchasedAnswer, 'Add an add-on package to a contract (CSAM, AC)')
  purchase(
    @Param('contractId') contractId: string,
    @Body() dto: PurchasePackageDto,
    @By() by: Issuer,
  ): Promise<PackagePurchasedAnswer> {
    return this.run(packageCommands.purchase, { ...dto, contractId }, by);
  }

  @Post('packages/:packageId/withdraw')
  @Answers(200, PositionAnswer, 'Withdraw an add-on package (CSAM, AC)')
  withdraw(
    @Param('packageId') packageId: string,
    @Body() dto: WithdrawPackageDto,
    @By() by: Issuer,
  ) {
    return this.run(packageCommands.withdraw, { ...dto, packageId }, by);
  }
}
