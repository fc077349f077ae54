import { NotFoundError } from '@hub/domain';
import { ProjectionView } from '@hub/projection/projection-runner';
import { findAll } from '../access/access.queries';
import { ActivityScope, coveredWorkspaces } from '../customer-activity/customer-activity.access';
import { QueryReader } from '@hub/projection/query/query-reader';
import { evaluationDay } from '../customer-activity/customer-activity.params';
import { CASE_PAGE, RawQuery } from '../cases/case-query.params';
import {
  EXTRA_CASES_COLLECTIONS as C,
  ExtraCaseCandidateDoc,
  KnownContractDoc,
  KnownPackageDoc,
  WorkspaceMappingsDoc,
} from './extra-cases.documents';
import { ExtraCaseRule, JudgingContext, judgeCase } from './extra-cases.rules';
import {
  admittedInCurrentMembership,
  seesEveryCaseOf,
} from '@hub/projections/cases/cases.visibility';
import { toCsv } from '@hub/projections/customer-activity/csv';

/**
 * One extra case, with the rule that put it there. Its id and title only for a caller who may
 * see the case (domain.md §4): other cases are counted, never named (null).
 */
export interface ExtraCaseRow {
  caseId: string | null;
  workspaceId: string;
  title: string | null;
  rule: ExtraCaseRule;
  service: string;
  openedAt: string;
}

export interface ExtraCasesAnswer {
  cases: ExtraCaseRow[];
  /** Over every extra case of the selection, not only this page. */
  countsByService: { service: string; cases: number }[];
  nextCursor: string | null;
}

export interface ExtraCasesParams {
  workspaceId: string;
  day: string;
  limit: number;
  after?: string;
}

export function readExtraCasesParams(query: RawQuery, now: Date): ExtraCasesParams {
  const reader = new QueryReader(query, ['workspaceId', 'asOfDate', 'limit', 'cursor'], CASE_PAGE);
  const params: ExtraCasesParams = {
    workspaceId: reader.text('workspaceId') ?? 'all',
    // Contract expiry is judged on this day: `asOfDate`, else today (UTC).
    day: evaluationDay(reader.day('asOfDate'), now),
    ...reader.listPage(),
  };
  reader.done();
  return params;
}

async function workspacesViewed(
  view: ProjectionView,
  scope: ActivityScope,
  workspaceId: string,
): Promise<WorkspaceMappingsDoc[]> {
  const covered = coveredWorkspaces(scope, workspaceId);
  if (covered.every) return findAll<WorkspaceMappingsDoc>(view, C.workspaces, {});
  const docs = await view.store.getMany<WorkspaceMappingsDoc>(
    view.collection(C.workspaces),
    covered.workspaceIds,
  );
  if (workspaceId !== 'all' && docs.length === 0)
    throw new NotFoundError(`Workspace ${workspaceId} not found`);
  return docs;
}

async function contextsByAgreement(view: ProjectionView, agreementId: string) {
  const [contracts, packages] = await Promise.all([
    findAll<KnownContractDoc>(view, C.contracts, { agreementId }),
    findAll<KnownPackageDoc>(view, C.packages, { agreementId }),
  ]);
  return {
    contracts: new Map(contracts.map((c) => [c.contractId, c])),
    packages: new Map(packages.map((p) => [p.packageId, p])),
  };
}

/** A judged case before naming: its key for order and paging, and whether it may be named. */
interface JudgedRow extends ExtraCaseRow {
  key: string;
}

const listKey = (openedAt: string, caseId: string): string => `${openedAt}|${caseId}`;

/**
 * Whether the caller may see the case under domain.md §5 at the time of the query (so Customer
 * Activity may name it): the same rules as the case list, an admission by name counting only
 * when it came through the caller's current membership of the case's workspace (domain.md §3).
 */
function mayName(scope: ActivityScope & { userId?: string }, c: ExtraCaseCandidateDoc): boolean {
  const caseScope = { all: scope.all, workspaces: scope.workspaces, userId: scope.userId ?? '' };
  if (seesEveryCaseOf(caseScope, c.workspaceId)) return true;
  if (!scope.workspaces.has(c.workspaceId) || scope.userId === undefined) return false;
  return c.viewers.some(
    (viewer) =>
      viewer.userId === scope.userId &&
      admittedInCurrentMembership(caseScope, {
        workspaceId: c.workspaceId,
        admittedAt: viewer.admittedAt,
      }),
  );
}

/**
 * The extra cases of the workspaces viewed (each case judged in its own workspace, against its
 * agreement's contracts and packages, on `day`), newest first, with counts per service.
 */
export async function extraCases(
  view: ProjectionView,
  scope: ActivityScope,
  params: ExtraCasesParams,
): Promise<ExtraCasesAnswer> {
  const workspaces = await workspacesViewed(view, scope, params.workspaceId);
  const agreements = new Map<string, Awaited<ReturnType<typeof contextsByAgreement>>>();
  const rows: JudgedRow[] = [];
  for (const workspace of workspaces) {
    let known = agreements.get(workspace.agreementId);
    if (!known)
      agreements.set(
        workspace.agreementId,
        (known = await contextsByAgreement(view, workspace.agreementId)),
      );
    const context: JudgingContext = { workspace, ...known, day: params.day };
    const candidates = await findAll<ExtraCaseCandidateDoc>(view, C.cases, {
      workspaceId: workspace.workspaceId,
    });
    for (const candidate of candidates) {
      const verdict = judgeCase(candidate, context);
      if (!verdict) continue;
      const { caseId, workspaceId, title, openedAt } = candidate;
      const named = mayName(scope, candidate);
      rows.push({
        caseId: named ? caseId : null,
        workspaceId,
        title: named ? title : null,
        openedAt,
        ...verdict,
        key: listKey(openedAt, caseId),
      });
    }
  }
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.service, (counts.get(row.service) ?? 0) + 1);
  rows.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const after = params.after;
  const remaining = after ? rows.filter((row) => row.key < after) : rows;
  const shown = remaining.slice(0, params.limit);
  return {
    cases: shown.map(({ key: _key, ...row }) => row),
    countsByService: [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([service, cases]) => ({ service, cases })),
    nextCursor:
      remaining.length > params.limit
        ? Buffer.from(shown[shown.length - 1].key).toString('base64url')
        : null,
  };
}

/** Every extra case of the selection, page by page (the CSV export is not paged). */
export async function allExtraCases(
  view: ProjectionView,
  scope: ActivityScope,
  params: ExtraCasesParams,
): Promise<ExtraCaseRow[]> {
  const rows: ExtraCaseRow[] = [];
  let after: string | undefined;
  do {
    const page = await extraCases(view, scope, { ...params, after });
    rows.push(...page.cases);
    after = page.nextCursor
      ? Buffer.from(page.nextCursor, 'base64url').toString('utf8')
      : undefined;
  } while (after);
  return rows;
}

/** The extra-cases view as CSV: cases the caller may not see are counted, their id and title empty. */
export function extraCasesCsv(rows: readonly ExtraCaseRow[]): string {
  return toCsv(
    ['openedAt', 'caseId', 'title', 'workspaceId', 'rule', 'service'],
    rows.map((row) => [
      row.openedAt,
      row.caseId,
      row.title,
      row.workspaceId,
      row.rule,
      row.service,
    ]),
  );
}
