import { ProjectionView } from '@hub/projection/projection-runner';
import { CASES_COLLECTIONS as C, CaseDoc, CaseViewerDoc, viewerId } from './cases.documents';
import { CaseScope, admittedInCurrentMembership, maySeeCase } from './cases.visibility';

/**
 * Of these case ids, the hub's cases the caller may not see under domain.md §5 (an id the hub
 * does not know names no case of it, so it is not withheld). Two reads, whatever the count.
 */
export async function unseenCaseIds(
  view: ProjectionView,
  scope: CaseScope,
  caseIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(caseIds)];
  if (scope.all || ids.length === 0) return new Set();
  const [docs, viewers] = await Promise.all([
    view.store.getMany<CaseDoc>(view.collection(C.cases), ids),
    view.store.getMany<CaseViewerDoc>(
      view.collection(C.viewers),
      ids.map((id) => viewerId(id, scope.userId)),
    ),
  ]);
  const admitted = new Set(
    viewers.filter((viewer) => admittedInCurrentMembership(scope, viewer)).map((v) => v.caseId),
  );
  return new Set(
    docs.filter((doc) => !maySeeCase(scope, doc, admitted.has(doc.caseId))).map((d) => d.caseId),
  );
}

/** A consumption record as Customer Activity grids show it: its reference may name a case. */
interface Referencing {
  reference: { kind: string; id: string } | null;
}

/**
 * The records with the case references the caller may not see withheld (null): inside Customer
 * Activity a case's id appears only to those who may see the case; the record still counts
 * (domain.md §4).
 */
export async function withholdUnseenCases<R extends Referencing>(
  casesView: ProjectionView,
  scope: CaseScope,
  records: readonly R[],
): Promise<R[]> {
  const caseIds = records.flatMap((r) => (r.reference?.kind === 'case' ? [r.reference.id] : []));
  const unseen = await unseenCaseIds(casesView, scope, caseIds);
  if (unseen.size === 0) return [...records];
  return records.map((record) =>
    record.reference?.kind === 'case' && unseen.has(record.reference.id)
      ? { ...record, reference: null }
      : record,
  );
}
