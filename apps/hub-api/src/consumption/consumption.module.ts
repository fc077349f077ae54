import { Module } from '@nestjs/common';
import { ConsumptionController } from './consumption.controller';
import { ConsumptionHandler } from './consumption.handler';
import { ConsumptionLedger } from './consumption-ledger';

/** Consumption: records against a contract's ledger, and their reversals. */
@Module({
  controllers: [ConsumptionController],
  providers: [ConsumptionHandler, ConsumptionLedger],
  exports: [ConsumptionLedger],
})
export class ConsumptionModule {}
