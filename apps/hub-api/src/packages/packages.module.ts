import { Module } from '@nestjs/common';
import { PurchasePackageHandler, WithdrawPackageHandler } from './package.handlers';
import { PackagesController } from './packages.controller';

/** Add-on packages: bought onto a contract, withdrawn. */
@Module({
  controllers: [PackagesController],
  providers: [PurchasePackageHandler, WithdrawPackageHandler],
})
export class PackagesModule {}
