import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/domain';
import { AuthenticatedUser } from '@hub/access';
import { WorkspaceAccess, accessOf } from './access.queries';
import { ProjectionView } from '@hub/projection/projection-runner';
import { ReadModels } from '@hub/projection/query/read-models';

/**
 * What a caller may see: every workspace (provider staff and auditors), or the workspaces the
 * access projection grants them. A query that forgets this is a security bug (architecture.md).
 */
export interface CallerScope {
  all: boolean;
  userId: string;
  workspaces: Map<string, WorkspaceAccess>;
  /** The partner whose AdminAgent the caller is (from the token), to see the cases it filed. */
  partnerAgentOf?: string;
  /** A customer organisation's Auditor: the organisation whose history alone they read. */
  auditedOrgId?: string;
}

/** Provider roles that read every workspace (held by provider staff only; see the claim rules). */
const READS_EVERYTHING = ['CSAM', 'AC', 'Auditor', 'Operator'];

@Injectable()
export class CallerScopes {
  constructor(private readonly readModels: ReadModels) {}

  /** The caller's scope, after the access projection has reached `minPosition`. */
  async of(user: AuthenticatedUser, minPosition?: string): Promise<CallerScope> {
    const view = await this.readModels.view('access', minPosition);
    return scopeFrom(view, user);
  }
}

export async function scopeFrom(
  view: ProjectionView,
  user: AuthenticatedUser,
): Promise<CallerScope> {
  return {
    all: user.orgKind === 'provider' && user.roles.some((role) => READS_EVERYTHING.includes(role)),
    userId: user.userId,
    workspaces: await accessOf(view, user.userId),
    ...(user.orgKind === 'partner' && user.orgId && user.roles.includes('AdminAgent')
      ? { partnerAgentOf: user.orgId }
      : {}),
  };
}

/**
 * The workspaces a query covers: `all` means every workspace in scope; a named one must be in
 * scope, else 404 (the caller may not know it exists).
 */
export function selectWorkspaces(
  scope: CallerScope,
  workspaceId: string,
  knownWorkspaces?: readonly string[],
): string[] | 'every' {
  if (workspaceId === 'all') return scope.all ? 'every' : [...scope.workspaces.keys()];
  if (scope.all || scope.workspaces.has(workspaceId)) {
    if (knownWorkspaces && !knownWorkspaces.includes(workspaceId))
      throw new NotFoundError(`Workspace ${workspaceId} not found`);
    return [workspaceId];
  }
  throw new NotFoundError(`Workspace ${workspaceId} not found`);
}
