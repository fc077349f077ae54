import { ForbiddenError, NotFoundError } from '@hub/domain';
import { WorkspaceAccess } from '../access/access.queries';

/** The part of a caller's scope these rules read (CallerScope from the API's read side). */
export interface ActivityScope {
  all: boolean;
  workspaces: Map<string, WorkspaceAccess>;
  /** Who may see the answer in a workspace; `maySeeActivity` unless a route says otherwise. */
  rule?: AccessRule;
}

/** Whether a caller's access to one workspace grants what a route answers. */
export type AccessRule = (access: WorkspaceAccess | undefined) => boolean;

/** Which workspaces a Customer Activity query covers: every one (provider staff) or these. */
export type CoveredWorkspaces = { every: true } | { every: false; workspaceIds: string[] };

/**
 * Customer Activity is for Customer and Workspace Administrators and holders of the
 * `CustomerActivity` role (domain.md §4); being a member is not enough.
 */
export const maySeeActivity: AccessRule = (access) =>
  !!access && (access.administers || access.roles.includes('CustomerActivity'));

/**
 * The education drill-down (domain.md §4): Learning Managers see it (and export it);
 * administrators and Customer Activity holders see it as well.
 */
export const maySeeEducation: AccessRule = (access) =>
  maySeeActivity(access) || (!!access && access.roles.includes('LearningManager'));

/** The on-demand education report is exported by Learning Managers (domain.md §4). */
export const mayExportEducation: AccessRule = (access) =>
  !!access && access.roles.includes('LearningManager');

/**
 * The workspaces a query covers under the scope's rule. A named workspace the caller does not belong
 * to is 404 (they may not know it exists); one they belong to without the right is 403.
 * `all` is the union of the workspaces where the rule holds, possibly none.
 */
export function coveredWorkspaces(scope: ActivityScope, workspaceId: string): CoveredWorkspaces {
  const allowed = scope.rule ?? maySeeActivity;
  if (scope.all)
    return workspaceId === 'all' ? { every: true } : { every: false, workspaceIds: [workspaceId] };
  if (workspaceId === 'all') {
    const workspaceIds = [...scope.workspaces.values()]
      .filter((access) => allowed(access))
      .map((access) => access.workspaceId)
      .sort();
    return { every: false, workspaceIds };
  }
  const access = scope.workspaces.get(workspaceId);
  if (!access) throw new NotFoundError(`Workspace ${workspaceId} not found`);
  if (!allowed(access))
    throw new ForbiddenError(`You may not see Customer Activity of workspace ${workspaceId}`);
  return { every: false, workspaceIds: [workspaceId] };
}

/**
 * Whether a record delivered in `workspaceId` may show its reference and workspace: case and
 * engagement ids of a workspace are its members' information (domain.md §3, information
 * separation), even when the contract, and so its balance, is shared with other workspaces.
 */
export function mayShowRecordOrigin(scope: ActivityScope, workspaceId: string | null): boolean {
  const allowed = scope.rule ?? maySeeActivity;
  return scope.all || workspaceId === null || allowed(scope.workspaces.get(workspaceId));
}
