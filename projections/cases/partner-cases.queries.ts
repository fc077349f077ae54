import { NotFoundError } from '@hub/domain';
import { ProjectionView } from '@hub/projection/projection-runner';
import { QueryReader, RawQuery } from '@hub/projection/query/query-reader';
import { CASE_PAGE } from './case-query.params';
import { CASES_COLLECTIONS as C, CaseDoc } from './cases.documents';
import { CaseList, caseView } from './cases.queries';
import { CaseScope } from './cases.visibility';

/** GET /v1/partners/{partnerId}/cases parameters. */
export interface PartnerCaseParams {
  limit: number;
  /** The listKey of the last case of the previous page. */
  after?: string;
}

export function readPartnerCaseParams(query: RawQuery): PartnerCaseParams {
  const reader = new QueryReader(query, ['limit', 'cursor'], CASE_PAGE);
  const params: PartnerCaseParams = reader.listPage();
  reader.done();
  return params;
}

/**
 * The cases a partner filed (on behalf of customers, and about its own subscriptions), newest
 * first, with status and SLA fields (domain.md §6). Only the partner's AdminAgents (and provider
 * staff) ask; anyone else gets 404, as for a partner that does not exist.
 */
export async function partnerCases(
  view: ProjectionView,
  scope: CaseScope,
  partnerId: string,
  params: PartnerCaseParams,
  now: Date,
): Promise<CaseList> {
  if (!scope.all && scope.partnerAgentOf !== partnerId)
    throw new NotFoundError(`Partner ${partnerId} not found`);
  const found = await view.store.find<CaseDoc>(view.collection(C.cases), {
    filter: {
      filedByPartnerId: partnerId,
      ...(params.after ? { listKey: { $lt: params.after } } : {}),
    },
    sort: [{ field: 'listKey', direction: 'desc' }],
    limit: params.limit + 1,
  });
  const shown = found.items.slice(0, params.limit);
  const more = found.items.length > params.limit;
  return {
    cases: shown.map((doc) => caseView(doc, now)),
    nextCursor: more ? Buffer.from(shown[shown.length - 1].listKey).toString('base64url') : null,
  };
}
