import { CallerScope, selectWorkspaces } from '@hub/projections/access/caller-scope';
import { CaseDoc } from './cases.documents';

/** The part of a caller's scope case visibility reads. */
export type CaseScope = Pick<CallerScope, 'all' | 'userId' | 'workspaces' | 'partnerAgentOf'>;

/** Whether the caller is an AdminAgent of the partner that filed the case (domain.md §6). */
export function filedByCallersPartner(scope: CaseScope, doc: CaseDoc): boolean {
  return (
    doc.filedByPartnerId !== null &&
    doc.filedByPartnerId !== undefined &&
    scope.partnerAgentOf === doc.filedByPartnerId
  );
}

/**
 * Whether the caller sees every case of a workspace: provider staff, the workspace's
 * administrators, and holders of `ViewAllSupportRequests` there (domain.md §5, rule d).
 */
export function seesEveryCaseOf(scope: CaseScope, workspaceId: string): boolean {
  if (scope.all) return true;
  const access = scope.workspaces.get(workspaceId);
  return !!access && (access.administers || access.roles.includes('ViewAllSupportRequests'));
}

/**
 * Whether an admission by name still holds: it came through the caller's current membership of
 * the case's workspace, not one that ended with a removal (domain.md §3, "Membership changes").
 */
export function admittedInCurrentMembership(
  scope: CaseScope,
  viewer: { workspaceId: string; admittedAt?: string },
): boolean {
  const since = scope.workspaces.get(viewer.workspaceId)?.memberSince;
  return !since || !viewer.admittedAt || viewer.admittedAt >= since;
}

/**
 * Whether the caller may see this case. Rules a–c (granted group, sharing, primary contact)
 * admit only members of the case's workspace: information separation (domain.md §3).
 */
export function maySeeCase(scope: CaseScope, doc: CaseDoc, admittedByName: boolean): boolean {
  if (filedByCallersPartner(scope, doc)) return true;
  // A partner's own case (no workspace): its AdminAgents and provider staff only.
  if (doc.workspaceId === null) return scope.all;
  if (seesEveryCaseOf(scope, doc.workspaceId)) return true;
  return scope.workspaces.has(doc.workspaceId) && admittedByName;
}

/**
 * Which workspaces a case list covers, split by how: every case of `every`/`whole`, only the
 * cases the caller was admitted to by name in `byName`. A named workspace the caller does not
 * belong to is 404 (selectWorkspaces).
 */
export interface CaseCoverage {
  every: boolean;
  whole: string[];
  byName: string[];
}

export function caseCoverage(scope: CaseScope, workspaceId: string): CaseCoverage {
  const selected = selectWorkspaces({ ...scope }, workspaceId);
  if (selected === 'every') return { every: true, whole: [], byName: [] };
  const whole = selected.filter((id) => seesEveryCaseOf(scope, id)).sort();
  const byName = selected.filter((id) => !seesEveryCaseOf(scope, id)).sort();
  return { every: false, whole, byName };
}
