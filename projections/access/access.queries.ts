import { Document, Filter } from '@hub/read-store';
import { ProjectionView } from '@hub/projection/projection-runner';
import {
  ACCESS_COLLECTIONS as C,
  AgreementAdminDoc,
  InvitationDoc,
  MemberDoc,
  WorkspaceDoc,
} from './access.documents';

/** What one user may do in one workspace. */
export interface WorkspaceAccess {
  workspaceId: string;
  agreementId: string;
  name: string;
  isDefault: boolean;
  /** Workspace roles, plus `CustomerAdministrator` where they administer the agreement. */
  roles: string[];
  /** Workspace or Customer Administrator: sees every case and member of the workspace. */
  administers: boolean;
  /**
   * When the current membership began (absent for a Customer Administrator who is no member):
   * what a case admitted them to by name before it came through an earlier membership.
   */
  memberSince?: string;
}

/** Every document of a collection that matches, page by page. */
export async function findAll<T extends Document>(
  view: ProjectionView,
  collection: string,
  filter: Filter,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await view.store.find<T>(view.collection(collection), {
      filter,
      limit: 500,
      cursor,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * The workspaces a user belongs to, with their roles: memberships, and every workspace of the
 * agreements they are Customer Administrator of (domain.md §3: they administer all of them).
 */
export async function accessOf(
  view: ProjectionView,
  userId: string,
): Promise<Map<string, WorkspaceAccess>> {
  const access = new Map<string, WorkspaceAccess>();
  const memberships = await findAll<MemberDoc>(view, C.members, { userId });
  const workspaces = await view.store.getMany<WorkspaceDoc>(
    view.collection(C.workspaces),
    memberships.map((m) => m.workspaceId),
  );
  const byId = new Map(workspaces.map((w) => [w.workspaceId, w]));
  for (const membership of memberships) {
    const workspace = byId.get(membership.workspaceId);
    if (!workspace || membership.roles.length === 0) continue;
    access.set(workspace.workspaceId, {
      workspaceId: workspace.workspaceId,
      agreementId: workspace.agreementId,
      name: workspace.name,
      isDefault: workspace.isDefault,
      roles: [...membership.roles],
      administers: membership.roles.includes('WorkspaceAdministrator'),
      memberSince: membership.joinedAt,
    });
  }
  const administered = await findAll<AgreementAdminDoc>(view, C.agreementAdmins, { userId });
  if (administered.length > 0) {
    const agreementWorkspaces = await findAll<WorkspaceDoc>(view, C.workspaces, {
      agreementId: { $in: administered.map((a) => a.agreementId) },
    });
    for (const workspace of agreementWorkspaces) {
      const entry = access.get(workspace.workspaceId) ?? {
        workspaceId: workspace.workspaceId,
        agreementId: workspace.agreementId,
        name: workspace.name,
        isDefault: workspace.isDefault,
        roles: [],
        administers: true,
      };
      entry.roles = [...new Set([...entry.roles, 'CustomerAdministrator'])].sort();
      entry.administers = true;
      access.set(workspace.workspaceId, entry);
    }
  }
  return access;
}

/** The caller's pending invitations, matched by the keyed hash of the token's e-mail. */
export async function pendingInvitations(
  view: ProjectionView,
  emailKey: string,
): Promise<InvitationDoc[]> {
  return findAll<InvitationDoc>(view, C.invitations, { emailKey, status: 'pending' });
}

/** A workspace as the access projection knows it (mappings and groups), or null. */
export function workspaceOf(
  view: ProjectionView,
  workspaceId: string,
): Promise<WorkspaceDoc | null> {
  return view.store.get<WorkspaceDoc>(view.collection(C.workspaces), workspaceId);
}
