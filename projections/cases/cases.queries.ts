import { NotFoundError } from '@hub/domain';
import { Filter } from '@hub/read-store';
import { ProjectionView } from '@hub/projection/projection-runner';
import { findAll } from '../access/access.queries';
import { QueryReader } from '@hub/projection/query/query-reader';
import { CASE_PAGE, RawQuery } from './case-query.params';
import { CASES_COLLECTIONS as C, CaseDoc, CaseViewerDoc, viewerId } from './cases.documents';
import {
  CaseScope,
  admittedInCurrentMembership,
  caseCoverage,
  maySeeCase,
} from './cases.visibility';

/** A case as the API answers it, with the SLA clock read at `now`. */
export interface CaseView {
  caseId: string;
  /** Null for a partner's case about its own subscription (it lives in the partner's record). */
  workspaceId: string | null;
  title: string;
  severity: string;
  type: string;
  category: string | null;
  product: string;
  status: 'open' | 'closed';
  primaryContactUserId: string;
  contractId: string | null;
  packageId: string | null;
  entitlementId: string | null;
  subscriptionId: string | null;
  /** Partner-filed cases carry the partner's contact, not the customer's (domain.md §6). */
  onBehalfOf: {
    partnerId: string;
    /** The customer filed for; null when the case is about the partner's own subscription. */
    customerOrgId: string | null;
    partnerContact: { name: string; email: string; phone: string };
  } | null;
  supportPlan: string | null;
  sharedWith: string[];
  groupIds: string[];
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  initialResponseDueAt: string;
  respondedAt: string | null;
  responseTargetMet: boolean | null;
  /** Seconds until the initial response target; negative once breached, null once responded or closed. */
  timeLeftBeforeBreachSeconds: number | null;
  /** Whether the case ever breached (kept through later severity changes); same as everBreached. */
  breached: boolean;
  everBreached: boolean;
  /** When the target that was missed passed; null while no target was missed. */
  breachedAt: string | null;
  language: string;
}

export interface CaseList {
  cases: CaseView[];
  nextCursor: string | null;
}

export function caseView(doc: CaseDoc, now: Date): CaseView {
  const due = Date.parse(doc.initialResponseDueAt);
  const settled = doc.respondedAt !== null || doc.status === 'closed';
  // A recorded breach stands whatever came after. Otherwise, before a response the clock runs
  // (a case closed without any response breached if it closed after its target); after a
  // response the recorded verdict stands, which the projection folded into breachedAt.
  const clockAt = doc.closedAt !== null ? Date.parse(doc.closedAt) : now.getTime();
  const breachedAt =
    doc.breachedAt ?? (doc.respondedAt === null && clockAt > due ? doc.initialResponseDueAt : null);
  const breached = breachedAt !== null;
  return {
    caseId: doc.caseId,
    workspaceId: doc.workspaceId,
    title: doc.title,
    severity: doc.severity,
    type: doc.caseType,
    category: doc.category,
    product: doc.product,
    status: doc.status,
    primaryContactUserId: doc.primaryContactUserId,
    contractId: doc.contractId,
    packageId: doc.packageId,
    entitlementId: doc.entitlementId,
    subscriptionId: doc.subscriptionId,
    onBehalfOf: doc.onBehalfOf
      ? {
          partnerId: doc.onBehalfOf.partnerId,
          customerOrgId: doc.onBehalfOf.customerOrgId ?? null,
          partnerContact: { ...doc.onBehalfOf.partnerContact },
        }
      : null,
    supportPlan: doc.onBehalfOf?.supportPlan ?? null,
    sharedWith: [...doc.sharedWith],
    groupIds: [...doc.groupIds],
    openedBy: doc.openedBy,
    openedAt: doc.openedAt,
    closedAt: doc.closedAt,
    initialResponseDueAt: doc.initialResponseDueAt,
    respondedAt: doc.respondedAt,
    responseTargetMet: doc.responseTargetMet,
    timeLeftBeforeBreachSeconds: settled ? null : Math.floor((due - now.getTime()) / 1000),
    breached,
    everBreached: breached,
    breachedAt,
    language: doc.language ?? 'en',
  };
}

/** GET /v1/cases parameters. */
export interface CaseListParams {
  workspaceId: string;
  status?: 'open' | 'closed';
  severity?: 'A' | 'B' | 'C';
  limit: number;
  /** The listKey of the last case of the previous page. */
  after?: string;
}

export const CASE_LIST_PARAMS = ['workspaceId', 'status', 'severity', 'limit', 'cursor'];

export function readCaseListParams(query: RawQuery): CaseListParams {
  const reader = new QueryReader(query, CASE_LIST_PARAMS, CASE_PAGE);
  const params: CaseListParams = {
    workspaceId: reader.text('workspaceId') ?? 'all',
    status: reader.oneOf('status', ['open', 'closed'] as const),
    severity: reader.oneOf('severity', ['A', 'B', 'C'] as const),
    ...reader.listPage(),
  };
  reader.done();
  return params;
}

async function page(
  view: ProjectionView,
  filter: Filter,
  params: CaseListParams,
): Promise<CaseDoc[]> {
  const found = await view.store.find<CaseDoc>(view.collection(C.cases), {
    filter: {
      ...filter,
      ...(params.status ? { status: params.status } : {}),
      ...(params.severity ? { severity: params.severity } : {}),
      ...(params.after ? { listKey: { $lt: params.after } } : {}),
    },
    sort: [{ field: 'listKey', direction: 'desc' }],
    limit: params.limit + 1,
  });
  return found.items;
}

/**
 * The cases the caller may see, newest first. Two sources merged by `listKey`: every case of
 * the workspaces the caller sees whole, and the cases they were admitted to by name elsewhere.
 */
export async function listCases(
  view: ProjectionView,
  scope: CaseScope,
  params: CaseListParams,
  now: Date,
): Promise<CaseList> {
  const coverage = caseCoverage(scope, params.workspaceId);
  const docs: CaseDoc[] = [];
  if (coverage.every) docs.push(...(await page(view, {}, params)));
  if (coverage.whole.length > 0)
    docs.push(...(await page(view, { workspaceId: { $in: coverage.whole } }, params)));
  if (coverage.byName.length > 0) {
    const admitted = (
      await findAll<CaseViewerDoc>(view, C.viewers, {
        userId: scope.userId,
        workspaceId: { $in: coverage.byName },
      })
    ).filter((viewer) => admittedInCurrentMembership(scope, viewer));
    // `id` is the case id; `listKey` already carries the page boundary.
    if (admitted.length > 0)
      docs.push(...(await page(view, { id: { $in: admitted.map((v) => v.caseId) } }, params)));
  }
  docs.sort((a, b) => (a.listKey < b.listKey ? 1 : a.listKey > b.listKey ? -1 : 0));
  const shown = docs.slice(0, params.limit);
  const more = docs.length > params.limit;
  return {
    cases: shown.map((doc) => caseView(doc, now)),
    nextCursor: more ? Buffer.from(shown[shown.length - 1].listKey).toString('base64url') : null,
  };
}

/** One case, or 404 when it does not exist or the caller may not see it (never 403). */
export async function findCase(
  view: ProjectionView,
  scope: CaseScope,
  caseId: string,
  now: Date,
): Promise<CaseView> {
  const doc = await view.store.get<CaseDoc>(view.collection(C.cases), caseId);
  const viewer = doc
    ? await view.store.get<CaseViewerDoc>(
        view.collection(C.viewers),
        viewerId(caseId, scope.userId),
      )
    : null;
  const admitted = viewer !== null && admittedInCurrentMembership(scope, viewer);
  if (!doc || !maySeeCase(scope, doc, admitted))
    throw new NotFoundError(`Case ${caseId} not found`);
  return caseView(doc, now);
}
