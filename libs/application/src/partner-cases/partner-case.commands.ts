import {
  CaseId,
  NotFoundError,
  OrgId,
  PartnerId,
  SubscriptionId,
  deterministicId,
} from '@hub/domain';
import { validSupportPlanId } from '@hub/domain/gdap/support-plan';
import { caseDecider, caseStream } from '@hub/domain/cases';
import { authorizeOnBehalfCase } from '@hub/domain/gdap';
import { PartnerCaller, partnerDecider, partnerStream } from '@hub/domain/partners';
import { customerStream, customerSubscriptionsDecider } from '@hub/domain/subscriptions';
import { CommandInput, command } from '../execution/command';
import { CommandReads } from '../execution/command-reads';
import { OpenPartnerCaseRequest, PartnerCaseOpenedAnswer } from './partner-case.requests';

type Open = CommandInput<OpenPartnerCaseRequest & { partnerId: string }, PartnerCaller>;

/** Derived from the command id, so a retried request names the same case. */
const caseIdOf = ({ context }: Open) => deterministicId('case', context.commandId) as CaseId;
/** Without a customer, the case is about the partner's own subscription (domain.md §6). */
const ownSubscription = ({ request }: Open) =>
  request.customerOrgId === undefined || request.customerOrgId === request.partnerId;

/** The customer's support workspace: its active agreement's default one (404 without). */
async function defaultWorkspaceOf(reads: CommandReads, orgId: OrgId) {
  const active = (await reads.customers.agreementsOf(orgId)).find((a) => a.status === 'active');
  if (!active || active.status !== 'active') {
    throw new NotFoundError(
      'The customer has no support workspace to file the case in.',
      { customerOrgId: orgId },
      'customer_workspace_not_found',
    );
  }
  return active.defaultWorkspaceId;
}

/**
 * What filing a case on behalf reads first, all from the event store (strongly consistent):
 * `partner-<id>` (its kind), `customer-<orgId>` (subscriptions, access), the GDAP streams
 * between them (CustomerIndex), and the customer's default workspace. The partner's own case
 * is kept in its own record: no customer, no workspace.
 */
async function readOnBehalf(input: Open, reads: CommandReads) {
  const { request, caller, context } = input;
  const partnerId = request.partnerId as PartnerId;
  const own = ownSubscription(input);
  const customerOrgId = (request.customerOrgId ?? partnerId) as OrgId;
  const [partner, customer, relationships] = await Promise.all([
    reads.state(partnerStream(partnerId), partnerDecider),
    reads.state(customerStream(customerOrgId), customerSubscriptionsDecider),
    reads.customers.relationshipsBetween(partnerId, customerOrgId),
  ]);
  const { supportPlan } = authorizeOnBehalfCase({
    caller,
    partnerId,
    partner,
    customerOrgId,
    customer,
    relationships,
    workload: request.workload,
    subscriptionId: request.subscriptionId as SubscriptionId | undefined,
    supportPlanId: request.supportPlan
      ? validSupportPlanId(request.supportPlan)
      : request.supportPlanId,
    partnersOwnSubscription: own,
    partnerContact: request.partnerContact,
    at: context.occurredAt,
  });
  return own
    ? { supportPlan, filedFor: {}, workspace: {} }
    : {
        supportPlan,
        filedFor: { customerOrgId },
        workspace: { workspaceId: await defaultWorkspaceOf(reads, customerOrgId) },
      };
}

/** Cases a partner files (domain.md §6): on its case's own stream, the partner as actor. */
export const partnerCaseCommands = {
  /** A partner's AdminAgent files a case on behalf of a customer, or about its own subscription. */
  open: command({
    stream: (input: Open) => caseStream(caseIdOf(input)),
    decider: caseDecider,
    read: readOnBehalf,
    context: ({ request, context }) => ({
      ...context,
      actor: { ...context.actor, partnerId: request.partnerId },
    }),
    command: (input, { supportPlan, filedFor, workspace }) => {
      const { request, caller, context } = input;
      return {
        type: 'OpenCase' as const,
        caseId: caseIdOf(input),
        ...workspace,
        severity: request.severity,
        caseType: request.type,
        product: request.workload,
        title: request.title,
        ...(request.subscriptionId
          ? { subscriptionId: request.subscriptionId as SubscriptionId }
          : {}),
        onBehalfOf: {
          partnerId: request.partnerId as PartnerId,
          ...filedFor,
          partnerContact: { ...request.partnerContact },
          supportPlan,
        },
        // The partner user is no workspace member: the decider skips membership for on-behalf cases.
        workspaceMemberUserIds: [],
        callerIsWorkspaceAdministrator: false,
        at: context.occurredAt,
        by: caller,
      };
    },
    answer: (input, result, position): PartnerCaseOpenedAnswer => {
      if (result.state.status === 'none') throw new Error('case not opened');
      return {
        caseId: caseIdOf(input),
        initialResponseDueAt: result.state.initialResponseDueAt,
        position,
      };
    },
  }),
};
