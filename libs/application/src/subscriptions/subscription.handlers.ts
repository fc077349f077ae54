import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Caller, OrgId, PartnerId, SubscriptionId } from '@hub/domain';
import {
  CustomerSubscriptionsCommand,
  customerStream,
  customerSubscriptionsDecider,
} from '@hub/domain/subscriptions';
import { PositionAnswer } from '../agreements/agreement.requests';
import { positionOf } from '../execution/answers';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';
import { CustomerIndex } from '../indexes/customer-index';
import { callerAsCustomer } from './customer-caller';
import {
  PartnerAccessRequest,
  ReadOnlyAccessRequest,
  RegisterSubscriptionRequest,
} from './subscription.requests';

/** One command on a customer's `customer-<orgId>` stream, from one of the three routes. */
export class CustomerCommand {
  constructor(
    readonly orgId: string,
    readonly request:
      | { route: 'subscription'; dto: RegisterSubscriptionRequest }
      | { route: 'partner-access'; subscriptionId: string; dto: PartnerAccessRequest }
      | { route: 'readonly-access'; dto: ReadOnlyAccessRequest },
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/**
 * Subscriptions, partner access on them and read-only consent: all decided on the customer's
 * stream. Customer Administrator status is read from the org's agreements (CustomerIndex).
 */
@CommandHandler(CustomerCommand)
export class CustomerCommandHandler implements ICommandHandler<CustomerCommand, PositionAnswer> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly index: CustomerIndex,
  ) {}

  async execute({ orgId, request, caller, context }: CustomerCommand): Promise<PositionAnswer> {
    const org = orgId as OrgId;
    const by =
      request.route === 'subscription' ? caller : await callerAsCustomer(this.index, caller, org);
    const result = await this.executor.execute({
      stream: customerStream(org),
      decider: customerSubscriptionsDecider,
      context,
      command: (): CustomerSubscriptionsCommand => {
        const at = context.occurredAt;
        switch (request.route) {
          case 'subscription': {
            const { dto } = request;
            return {
              type: 'RegisterSubscription',
              orgId: org,
              subscriptionId: dto.subscriptionId as SubscriptionId,
              product: dto.product,
              billing: dto.billing,
              providerPartnerId: dto.providerPartnerId as PartnerId,
              ...(dto.isvContact ? { isvContact: { ...dto.isvContact } } : {}),
              at,
              by,
            };
          }
          case 'partner-access':
            return {
              type: 'GrantPartnerSubscriptionAccess',
              orgId: org,
              subscriptionId: request.subscriptionId as SubscriptionId,
              partnerId: request.dto.partnerId as PartnerId,
              at,
              by,
            };
          case 'readonly-access':
            return {
              type: 'SetReadOnlyAccessConsent',
              orgId: org,
              partnerId: request.dto.partnerId as PartnerId,
              allow: request.dto.allow,
              at,
              by,
            };
        }
      },
    });
    return { position: positionOf(result) };
  }
}
