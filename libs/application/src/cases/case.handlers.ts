import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CaseId,
  Caller,
  ContractId,
  EntitlementId,
  GroupId,
  PackageId,
  SubscriptionId,
  UserId,
  WorkspaceId,
  deterministicId,
} from '@hub/domain';
import { CaseCommand } from '@hub/domain/cases/case.commands';
import { caseDecider, caseStream } from '@hub/domain/cases/case.decider';
import { Severity } from '@hub/domain/cases/response-target';
import { requireWorkspace } from '@hub/domain/workspaces/workspace.state';
import { NotFoundError } from '@hub/domain';
import { authorizeDirectCase } from '@hub/domain/gdap/on-behalf-case.policy';
import {
  customerStream,
  customerSubscriptionsDecider,
} from '@hub/domain/subscriptions/customer-subscriptions.decider';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { positionOf } from '../execution/answers';
import { PositionAnswer } from '../agreements/agreement.requests';
import { WorkspaceAccess, WorkspaceStanding } from '../workspaces/workspace-access';
import { CaseOpenedAnswer, OpenCaseRequest } from './case.requests';
import { CaseResponses } from './case-responses';

export class OpenCaseCommand {
  constructor(
    readonly dto: OpenCaseRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** Keeps only the fields given, so an absent option is absent from the event too. */
function given<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

/** A workspace member opens a case; the initial response target is fixed now (domain.md §5). */
@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand, CaseOpenedAnswer> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly workspaces: WorkspaceAccess,
  ) {}

  async execute({ dto, caller, context }: OpenCaseCommand): Promise<CaseOpenedAnswer> {
    const caseId = (dto.caseId ?? deterministicId('case', context.commandId)) as CaseId;
    const workspaceId = dto.workspaceId as WorkspaceId;
    const result = await this.executor.execute({
      stream: caseStream(caseId),
      decider: caseDecider,
      context,
      command: async () => {
        const { workspace, ...view } = await this.workspaces.standing(workspaceId, caller);
        requireWorkspace(workspace ?? { status: 'none' }, workspaceId);
        if (dto.subscriptionId) await this.checkDirectSupport(workspace!, dto.subscriptionId);
        return {
          type: 'OpenCase' as const,
          caseId,
          workspaceId,
          severity: dto.severity,
          caseType: dto.type,
          product: dto.product,
          title: dto.title,
          ...given({
            category: dto.category,
            description: dto.description,
            primaryContactUserId: dto.primaryContactUserId as UserId | undefined,
            contractId: dto.contractId as ContractId | undefined,
            packageId: dto.packageId as PackageId | undefined,
            entitlementId: dto.entitlementId as EntitlementId | undefined,
            subscriptionId: dto.subscriptionId as SubscriptionId | undefined,
            language: dto.language,
          }),
          ...view,
          at: context.occurredAt,
          by: caller,
        };
      },
    });
    const due = result.state.status === 'none' ? '' : result.state.initialResponseDueAt;
    return { caseId, initialResponseDueAt: due, position: positionOf(result) };
  }

  /** A customer opening a case directly on a trial subscription is sent to its partner (domain.md §6). */
  private async checkDirectSupport(
    workspace: NonNullable<WorkspaceStanding['workspace']>,
    subscriptionId: string,
  ): Promise<void> {
    const agreement = await this.workspaces.agreementOf(workspace);
    if (agreement.status === 'none') return;
    const customer = await this.executor.load(
      customerStream(agreement.customer.orgId),
      customerSubscriptionsDecider,
    );
    const subscription = customer.state.subscriptions[subscriptionId];
    if (!subscription) {
      throw new NotFoundError(
        `Subscription ${subscriptionId} not found`,
        { subscriptionId },
        'subscription_not_found',
      );
    }
    authorizeDirectCase(subscription);
  }
}

/** What an HTTP route asks of an opened case. */
export type CaseRequest =
  | { kind: 'share'; userId: string }
  | { kind: 'group-access'; groupId: string }
  | { kind: 'severity'; severity: Severity }
  | { kind: 'respond'; respondedAt: string }
  | { kind: 'close'; resolution: string };

export class CaseActionCommand {
  constructor(
    readonly caseId: string,
    readonly request: CaseRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** Who stands where in a case that does not exist: nobody (the decider answers 404). */
const NO_STANDING: WorkspaceStanding = {
  workspace: null,
  workspaceMemberUserIds: [],
  callerIsWorkspaceAdministrator: false,
};

/**
 * Sharing, group access, severity, first response and closing: one command on the case's stream,
 * with the caller's standing read from the case's workspace (and its agreement) stream.
 */
@CommandHandler(CaseActionCommand)
export class CaseActionHandler implements ICommandHandler<CaseActionCommand, PositionAnswer> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly workspaces: WorkspaceAccess,
    private readonly responses: CaseResponses,
  ) {}

  async execute({ caseId, request, caller, context }: CaseActionCommand) {
    if (request.kind === 'respond') {
      return {
        position: positionOf(await this.responses.record(caseId, request.respondedAt, context)),
      };
    }
    const id = caseId as CaseId;
    const result = await this.executor.execute({
      stream: caseStream(id),
      decider: caseDecider,
      context,
      command: async (state): Promise<CaseCommand> => {
        const standing =
          state.status === 'none'
            ? NO_STANDING
            : await this.workspaces.standing(state.workspaceId, caller);
        const { workspace, calendar, ...view } = standing;
        const base = { caseId: id, at: context.occurredAt, by: caller };
        switch (request.kind) {
          case 'share':
            return {
              type: 'ShareCase',
              ...base,
              ...view,
              userId: request.userId as UserId,
              ...(workspace?.members[request.userId]?.joinedAt
                ? { targetMemberSince: workspace.members[request.userId].joinedAt }
                : {}),
            };
          case 'group-access': {
            const groupId = request.groupId as GroupId;
            const groupExists = workspace?.groups[groupId] !== undefined;
            return { type: 'GrantGroupAccess', ...base, ...view, groupId, groupExists };
          }
          case 'severity':
            return {
              type: 'ChangeSeverity',
              ...base,
              ...view,
              severity: request.severity,
              ...(calendar ? { calendar } : {}),
            };
          case 'close':
            return { type: 'CloseCase', ...base, resolution: request.resolution };
        }
      },
    });
    return { position: positionOf(result) };
  }
}
