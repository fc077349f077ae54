import { Module } from '@nestjs/common';
import { CustomerIndex } from '../write/follow-ups/customer-index';
import { CustomersController } from './customers.controller';
import { CustomerCommandHandler } from './subscription.handlers';

/** A customer's subscriptions, the partners with access on them, and read-only consent. */
@Module({
  controllers: [CustomersController],
  providers: [CustomerCommandHandler, CustomerIndex],
})
export class SubscriptionsModule {}
