import {
  CaseId,
  ContractId,
  EntitlementId,
  GroupId,
  NotFoundError,
  PackageId,
  SubscriptionId,
  UserId,
  WorkspaceId,
  deterministicId,
} from '@hub/domain';
import { caseDecider, caseStream } from '@hub/domain/cases/case.decider';
import { Severity } from '@hub/domain/cases/response-target';
import { authorizeDirectCase } from '@hub/domain/gdap/on-behalf-case.policy';
import {
  customerStream,
  customerSubscriptionsDecider,
} from '@hub/domain/subscriptions/customer-subscriptions.decider';
import { requireWorkspace } from '@hub/domain/workspaces/workspace.state';
import { CommandInput, command } from '../execution/command';
import { CommandReads } from '../execution/command-reads';
import { WorkspaceStanding } from '../workspaces/workspace-access';
import { CaseOpenedAnswer, OpenCaseRequest } from './case.requests';

type Open = CommandInput<OpenCaseRequest>;
type OnCase<R> = CommandInput<R & { caseId: string }>;

/** Given, or derived from the command id so a retried request names the same case. */
const caseIdOf = ({ request, context }: Open) =>
  (request.caseId ?? deterministicId('case', context.commandId)) as CaseId;
const onCase = <R>({ request }: OnCase<R>) => caseStream(request.caseId as CaseId);

/** Keeps only the fields given, so an absent option is absent from the event too. */
function given<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

/** Who stands where in a case that does not exist: nobody (the decider answers 404). */
const NO_STANDING: WorkspaceStanding = {
  workspace: null,
  workspaceMemberUserIds: [],
  callerIsWorkspaceAdministrator: false,
};

/** The caller's standing in the case's workspace (members, administration), from its streams. */
const standing = <R>({ caller }: OnCase<R>, reads: CommandReads, state: { status: string }) =>
  // A partner's own case has no workspace: nobody stands in one (only its primary contact acts).
  state.status === 'none' || !('workspaceId' in state) || state.workspaceId === undefined
    ? Promise.resolve(NO_STANDING)
    : reads.workspaces.standing(state.workspaceId as WorkspaceId, caller);

/** A customer opening a case directly on a trial subscription is sent to its partner (domain.md §6). */
async function checkDirectSupport(
  reads: CommandReads,
  workspace: NonNullable<WorkspaceStanding['workspace']>,
  subscriptionId: string,
): Promise<void> {
  const agreement = await reads.workspaces.agreementOf(workspace);
  if (agreement.status === 'none') return;
  const customer = await reads.state(
    customerStream(agreement.customer.orgId),
    customerSubscriptionsDecider,
  );
  const subscription = customer.subscriptions[subscriptionId];
  if (!subscription) {
    throw new NotFoundError(
      `Subscription ${subscriptionId} not found`,
      { subscriptionId },
      'subscription_not_found',
    );
  }
  authorizeDirectCase(subscription);
}

/** Case commands (api.md "Commands"): each on the case's stream. */
export const caseCommands = {
  /** A workspace member opens a case; the initial response target is fixed now (domain.md §5). */
  open: command({
    stream: (input: Open) => caseStream(caseIdOf(input)),
    decider: caseDecider,
    read: async ({ request, caller }, reads) => {
      const found = await reads.workspaces.standing(request.workspaceId as WorkspaceId, caller);
      requireWorkspace(found.workspace ?? { status: 'none' }, request.workspaceId as WorkspaceId);
      if (request.subscriptionId)
        await checkDirectSupport(reads, found.workspace!, request.subscriptionId);
      return found;
    },
    command: (input, { workspace: _workspace, ...view }) => {
      const { request, caller, context } = input;
      return {
        type: 'OpenCase' as const,
        caseId: caseIdOf(input),
        workspaceId: request.workspaceId as WorkspaceId,
        severity: request.severity,
        caseType: request.type,
        product: request.product,
        title: request.title,
        ...given({
          category: request.category,
          description: request.description,
          primaryContactUserId: request.primaryContactUserId as UserId | undefined,
          contractId: request.contractId as ContractId | undefined,
          packageId: request.packageId as PackageId | undefined,
          entitlementId: request.entitlementId as EntitlementId | undefined,
          subscriptionId: request.subscriptionId as SubscriptionId | undefined,
          language: request.language,
        }),
        ...view,
        at: context.occurredAt,
        by: caller,
      };
    },
    answer: (input, result, position): CaseOpenedAnswer => ({
      caseId: caseIdOf(input),
      initialResponseDueAt: result.state.status === 'none' ? '' : result.state.initialResponseDueAt,
      position,
    }),
  }),

  /** The primary contact or a Workspace Administrator shares the case with a member. */
  share: command({
    stream: onCase<{ userId: string }>,
    decider: caseDecider,
    read: (input, reads, state) => standing(input, reads, state),
    command: ({ request, caller, context }, { workspace, ...view }) => {
      // A share from the target's earlier membership (before a removal) is made again.
      const since = workspace?.members[request.userId]?.joinedAt;
      return {
        type: 'ShareCase' as const,
        caseId: request.caseId as CaseId,
        ...view,
        userId: request.userId as UserId,
        ...(since ? { targetMemberSince: since } : {}),
        at: context.occurredAt,
        by: caller,
      };
    },
  }),

  /** A Workspace Administrator lets a group of the case's workspace see it. */
  grantGroupAccess: command({
    stream: onCase<{ groupId: string }>,
    decider: caseDecider,
    read: (input, reads, state) => standing(input, reads, state),
    command: ({ request, caller, context }, { workspace, ...view }) => ({
      type: 'GrantGroupAccess' as const,
      caseId: request.caseId as CaseId,
      ...view,
      groupId: request.groupId as GroupId,
      groupExists: workspace?.groups[request.groupId as GroupId] !== undefined,
      at: context.occurredAt,
      by: caller,
    }),
  }),

  /** The severity changes: a new target from now (domain.md §5). */
  changeSeverity: command({
    stream: onCase<{ severity: Severity }>,
    decider: caseDecider,
    read: (input, reads, state) => standing(input, reads, state),
    command: ({ request, caller, context }, { workspace: _workspace, ...view }) => ({
      type: 'ChangeSeverity' as const,
      caseId: request.caseId as CaseId,
      ...view,
      severity: request.severity,
      at: context.occurredAt,
      by: caller,
    }),
  }),

  /**
   * The first response (POST …/responses, or the CaseFirstResponded message through ingest):
   * whether the initial response target was met is decided against the target as it stood.
   */
  recordFirstResponse: command({
    stream: ({ request }: CommandInput<{ caseId: string; respondedAt: string }, unknown>) =>
      caseStream(request.caseId as CaseId),
    decider: caseDecider,
    command: ({ request, context }) => ({
      type: 'RecordFirstResponse' as const,
      caseId: request.caseId as CaseId,
      respondedAt: request.respondedAt,
      at: context.occurredAt,
    }),
  }),

  /** The primary contact or the Service closes the case. */
  close: command({
    stream: onCase<{ resolution: string }>,
    decider: caseDecider,
    command: ({ request, caller, context }) => ({
      type: 'CloseCase' as const,
      caseId: request.caseId as CaseId,
      resolution: request.resolution,
      at: context.occurredAt,
      by: caller,
    }),
  }),
};
