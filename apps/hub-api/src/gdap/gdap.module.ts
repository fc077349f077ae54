import { Module } from '@nestjs/common';
import { CustomerIndex } from '../write/follow-ups/customer-index';
import { GdapController } from './gdap.controller';
import { EndorseGdapHandler, RequestGdapHandler } from './gdap.handlers';

/** GDAP relationships: request, approval, termination. */
@Module({
  controllers: [GdapController],
  providers: [RequestGdapHandler, EndorseGdapHandler, CustomerIndex],
})
export class GdapModule {}
