import { Module } from '@nestjs/common';
import { GrantHelpDeskAgentHandler, RegisterPartnerHandler } from './partner.handlers';
import { PartnersController } from './partners.controller';

/** Partners (CSP): registration and the Help Desk agents their administrators grant. */
@Module({
  controllers: [PartnersController],
  providers: [RegisterPartnerHandler, GrantHelpDeskAgentHandler],
})
export class PartnersModule {}
