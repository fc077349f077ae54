import { AuthenticatedUser } from '@hub/access';
import { NotFoundError } from '@hub/domain';
import { EventStore, GlobalPosition, RecordedEvent } from '@hub/event-store';
import { WorkspaceAccess } from '@hub/projections/access/access.queries';
import { CallerScope } from '@hub/projections/access/caller-scope';
import { OrgHistory } from './org-history';

/** An Auditor of a customer organisation reads only that organisation's history; a provider Auditor reads all. */
export function customerAuditOrg(user: AuthenticatedUser): string | undefined {
  return user.orgKind === 'customer' && user.roles.includes('Auditor') ? user.orgId : undefined;
}

/** A stream of the organisation, or 404 exactly as for a stream that does not exist. */
export async function requireOrgStream(events: EventStore, orgId: string, stream: string) {
  const history = await OrgHistory.read(events, orgId);
  if (!history.ownsStream(stream)) throw new NotFoundError(`Stream ${stream} not found`);
}

/** A page of the organisation's events from `from` (inclusive), and where the next page starts. */
export async function orgLogPage(
  events: EventStore,
  orgId: string,
  options: { from?: GlobalPosition; max: number; types?: string[] },
): Promise<{ page: RecordedEvent[]; next: RecordedEvent | undefined }> {
  const matched: RecordedEvent[] = [];
  await OrgHistory.read(events, orgId, (event, admitted) => {
    if (!admitted || (options.from !== undefined && event.position < options.from)) return;
    if (options.types && !options.types.includes(event.type)) return;
    matched.push(event);
    return matched.length <= options.max;
  });
  return { page: matched.slice(0, options.max), next: matched[options.max] };
}

/**
 * The scope a customer Auditor's as-of answers are computed in: every workspace the
 * organisation had by then, seen as its administrators see it.
 */
export async function orgScope(
  events: EventStore,
  user: AuthenticatedUser,
  orgId: string,
  until: GlobalPosition | undefined,
): Promise<CallerScope> {
  const history = await OrgHistory.read(events, orgId, () => {}, until);
  const workspaces = new Map<string, WorkspaceAccess>();
  for (const workspaceId of history.workspaces) {
    workspaces.set(workspaceId, {
      workspaceId,
      agreementId: history.agreements.get(workspaceId) ?? '',
      name: '',
      isDefault: false,
      roles: ['Auditor', 'ViewAllSupportRequests', 'CustomerActivity', 'LearningManager'],
      administers: true,
    });
  }
  return { all: false, userId: user.userId, workspaces, auditedOrgId: orgId };
}
