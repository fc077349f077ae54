import { Body, Param, Post } from '@nestjs/common';
import { RequireTokenRole } from '@hub/access';
import { customerCommands } from '@hub/application/subscriptions/customer.commands';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import { PositionAnswer } from '../agreements/agreement.dto';
import { PartnerAccessDto, ReadOnlyAccessDto, RegisterSubscriptionDto } from './subscription.dto';

/** A customer's subscriptions, partner access and read-only consent (domain.md §6–§7). */
@CommandsController('customers/:orgId', 'customers')
export class CustomersController extends CommandRoutes {
  @Post('subscriptions')
  @RequireTokenRole('Service')
  @Answers(201, PositionAnswer, "Record a customer's subscription and its provider (Service)")
  registerSubscription(
    @Param('orgId') orgId: string,
    @Body() dto: RegisterSubscriptionDto,
    @By() by: Issuer,
  ) {
    return this.run(customerCommands.registerSubscription, { ...dto, orgId }, by);
  }

  @Post('subscriptions/:subscriptionId/partner-access')
  @Answers(201, PositionAnswer, 'Give a partner access on a subscription (CustomerAdministrator)')
  grantPartnerAccess(
    @Param('orgId') orgId: string,
    @Param('subscriptionId') subscriptionId: string,
    @Body() dto: PartnerAccessDto,
    @By() by: Issuer,
  ) {
    return this.run(customerCommands.grantPartnerAccess, { ...dto, orgId, subscriptionId }, by);
  }

  @Post('readonly-access')
  @Answers(
    200,
    PositionAnswer,
    "Allow or withdraw a partner Help Desk's read-only view (CustomerAdministrator)",
  )
  setReadOnlyAccess(
    @Param('orgId') orgId: string,
    @Body() dto: ReadOnlyAccessDto,
    @By() by: Issuer,
  ) {
    return this.run(customerCommands.setReadOnlyAccess, { ...dto, orgId }, by);
  }
}
