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

/** One extra case, with the rule that put it there. */
export interface ExtraCaseRow {
  caseId: string;
  workspaceId: string;
  title: string;
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
    limit: reader.limit(),
  };
  const cursor = reader.text('cursor');
  if (cursor !== undefined) {
    const after = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!/^[^|]+\|[^|]+$/.test(after))
      reader.fail('cursor', 'must be a nextCursor from a previous page');
    else params.after = after;
  }
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

const listKey = (row: ExtraCaseRow): string => `${row.openedAt}|${row.caseId}`;

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
  const rows: ExtraCaseRow[] = [];
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
      rows.push({ caseId, workspaceId, title, openedAt, ...verdict });
    }
  }
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.service, (counts.get(row.service) ?? 0) + 1);
  rows.sort((a, b) => (listKey(a) < listKey(b) ? 1 : listKey(a) > listKey(b) ? -1 : 0));
  const after = params.after;
  const remaining = after ? rows.filter((row) => listKey(row) < after) : rows;
  const shown = remaining.slice(0, params.limit);
  return {
    cases: shown,
    countsByService: [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([service, cases]) => ({ service, cases })),
    nextCursor:
      remaining.length > params.limit
        ? Buffer.from(listKey(shown[shown.length - 1])).toString('base64url')
        : null,
  };
}
