import { OrgId, PartnerId, SubscriptionId } from '@hub/domain';
import {
  customerStream,
  customerSubscriptionsDecider,
} from '@hub/domain/subscriptions/customer-subscriptions.decider';
import { CommandInput, command } from '../execution/command';
import { CommandReads } from '../execution/command-reads';
import { callerAsCustomer } from './customer-caller';
import {
  PartnerAccessRequest,
  ReadOnlyAccessRequest,
  RegisterSubscriptionRequest,
} from './subscription.requests';

type OnCustomer<R> = CommandInput<R & { orgId: string }>;
const onCustomer = <R>({ request }: OnCustomer<R>) => customerStream(request.orgId as OrgId);
/** The caller's Customer Administrator standing, read from the org's agreement streams. */
const asCustomer = <R>({ request, caller }: OnCustomer<R>, reads: CommandReads) =>
  callerAsCustomer(reads.customers, caller, request.orgId as OrgId);

/**
 * Subscriptions, partner access on them and read-only consent (api.md "Commands"): each on the
 * customer's `customer-<orgId>` stream.
 */
export const customerCommands = {
  /** The billing service records a customer's subscription and its provider. */
  registerSubscription: command({
    stream: onCustomer<RegisterSubscriptionRequest>,
    decider: customerSubscriptionsDecider,
    command: ({ request, caller, context }) => ({
      type: 'RegisterSubscription' as const,
      orgId: request.orgId as OrgId,
      subscriptionId: request.subscriptionId as SubscriptionId,
      product: request.product,
      billing: request.billing,
      providerPartnerId: request.providerPartnerId as PartnerId,
      ...(request.isvContact ? { isvContact: { ...request.isvContact } } : {}),
      at: context.occurredAt,
      by: caller,
    }),
  }),

  /** A Customer Administrator gives a partner access on a subscription. */
  grantPartnerAccess: command({
    stream: onCustomer<PartnerAccessRequest & { subscriptionId: string }>,
    decider: customerSubscriptionsDecider,
    read: (input, reads) => asCustomer(input, reads),
    command: ({ request, context }, by) => ({
      type: 'GrantPartnerSubscriptionAccess' as const,
      orgId: request.orgId as OrgId,
      subscriptionId: request.subscriptionId as SubscriptionId,
      partnerId: request.partnerId as PartnerId,
      at: context.occurredAt,
      by,
    }),
  }),

  /** A Customer Administrator allows or withdraws a partner Help Desk's read-only view. */
  setReadOnlyAccess: command({
    stream: onCustomer<ReadOnlyAccessRequest>,
    decider: customerSubscriptionsDecider,
    read: (input, reads) => asCustomer(input, reads),
    command: ({ request, context }, by) => ({
      type: 'SetReadOnlyAccessConsent' as const,
      orgId: request.orgId as OrgId,
      partnerId: request.partnerId as PartnerId,
      allow: request.allow,
      at: context.occurredAt,
      by,
    }),
  }),
};
