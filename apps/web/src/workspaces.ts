import { Workspace } from './types';

/** Roles that open Customer Activity in a workspace (domain.md §4). */
export const ACTIVITY_ROLES = [
  'CustomerAdministrator',
  'WorkspaceAdministrator',
  'CustomerActivity',
];

/**
 * The workspace Customer Activity shows first: the first where the caller holds one of those
 * roles, else "all" (staff and auditors have no workspace of their own; a member with none of
 * the roles is then told there is nothing to show).
 */
export function defaultWorkspace(workspaces: readonly Workspace[]): string {
  return (
    workspaces.find((w) => w.roles.some((role) => ACTIVITY_ROLES.includes(role)))?.workspaceId ??
    'all'
  );
}
