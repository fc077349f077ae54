import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
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
import { positionOf } from '../execution/answers';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';
import { CustomerIndex } from '../indexes/customer-index';
import { OpenPartnerCaseRequest, PartnerCaseOpenedAnswer } from './partner-case.requests';

export class OpenPartnerCaseCommand {
  constructor(
    readonly partnerId: string,
    readonly dto: OpenPartnerCaseRequest,
    readonly caller: PartnerCaller,
    readonly context: CommandContext,
  ) {}
}

/**
 * A partner's AdminAgent files a case on behalf of a customer (domain.md §6). The rule spans
 * aggregates and reads them all from the event store (strongly consistent, no projection):
 * `partner-<id>` (its kind), `customer-<orgId>` (subscriptions, access), the GDAP streams
 * listed under partner and customer (CustomerIndex), and the customer's agreements for its
 * default workspace. The case lands there with the partner's contact and `actor.partnerId`.
 */
@CommandHandler(OpenPartnerCaseCommand)
export class OpenPartnerCaseHandler implements ICommandHandler<
  OpenPartnerCaseCommand,
  PartnerCaseOpenedAnswer
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly index: CustomerIndex,
  ) {}

  async execute({
    partnerId,
    dto,
    caller,
    context,
  }: OpenPartnerCaseCommand): Promise<PartnerCaseOpenedAnswer> {
    const partner = partnerId as PartnerId;
    // Without a customer, the case is about the partner's own subscription (domain.md §6).
    const ownSubscription = dto.customerOrgId === undefined || dto.customerOrgId === partnerId;
    const customerOrgId = (dto.customerOrgId ?? partnerId) as OrgId;
    const [partnerState, customer, relationships] = await Promise.all([
      this.executor.load(partnerStream(partner), partnerDecider),
      this.executor.load(customerStream(customerOrgId), customerSubscriptionsDecider),
      this.index.relationshipsBetween(partner, customerOrgId),
    ]);
    const authorization = authorizeOnBehalfCase({
      caller,
      partnerId: partner,
      partner: partnerState.state,
      customerOrgId,
      customer: customer.state,
      relationships,
      workload: dto.workload,
      subscriptionId: dto.subscriptionId as SubscriptionId | undefined,
      supportPlanId: dto.supportPlan ? validSupportPlanId(dto.supportPlan) : dto.supportPlanId,
      partnersOwnSubscription: ownSubscription,
      partnerContact: dto.partnerContact,
      at: context.occurredAt,
    });
    // The partner's own case is kept in its own record: no customer, no customer workspace.
    const filedFor = ownSubscription ? {} : { customerOrgId };
    const workspace = ownSubscription
      ? {}
      : { workspaceId: await this.defaultWorkspaceOf(customerOrgId) };
    const caseId = deterministicId('case', context.commandId) as CaseId;
    const onBehalf: CommandContext = { ...context, actor: { ...context.actor, partnerId } };
    const result = await this.executor.execute({
      stream: caseStream(caseId),
      decider: caseDecider,
      context: onBehalf,
      command: () => ({
        type: 'OpenCase' as const,
        caseId,
        ...workspace,
        severity: dto.severity,
        caseType: dto.type,
        product: dto.workload,
        title: dto.title,
        ...(dto.subscriptionId ? { subscriptionId: dto.subscriptionId as SubscriptionId } : {}),
        onBehalfOf: {
          partnerId: partner,
          ...filedFor,
          partnerContact: { ...dto.partnerContact },
          supportPlan: authorization.supportPlan,
        },
        // The partner user is no workspace member: the decider skips membership for on-behalf cases.
        workspaceMemberUserIds: [],
        callerIsWorkspaceAdministrator: false,
        at: context.occurredAt,
        by: caller,
      }),
    });
    if (result.state.status === 'none') throw new Error('case not opened');
    return {
      caseId,
      initialResponseDueAt: result.state.initialResponseDueAt,
      position: positionOf(result),
    };
  }

  private async defaultWorkspaceOf(orgId: OrgId) {
    const agreements = await this.index.agreementsOf(orgId);
    const active = agreements.find((a) => a.status === 'active');
    if (!active || active.status !== 'active') {
      throw new NotFoundError(
        'The customer has no support workspace to file the case in.',
        { customerOrgId: orgId },
        'customer_workspace_not_found',
      );
    }
    return active.defaultWorkspaceId;
  }
}
