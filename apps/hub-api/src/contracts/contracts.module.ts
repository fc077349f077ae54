import { Module } from '@nestjs/common';
import { AddContractHandler } from './add-contract.handler';
import { ContractsController } from './contracts.controller';

/** Contracts: added to an agreement with their enterprise-wide entitlements. */
@Module({
  controllers: [ContractsController],
  providers: [AddContractHandler],
})
export class ContractsModule {}
