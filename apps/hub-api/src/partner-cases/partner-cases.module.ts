import { Module } from '@nestjs/common';
import { CustomerIndex } from '../write/follow-ups/customer-index';
import { OpenPartnerCaseHandler } from './open-partner-case.handler';
import { PartnerCasesController } from './partner-cases.controller';

/** On-behalf-of cases filed by a partner's AdminAgent. */
@Module({
  controllers: [PartnerCasesController],
  providers: [OpenPartnerCaseHandler, CustomerIndex],
})
export class PartnerCasesModule {}
