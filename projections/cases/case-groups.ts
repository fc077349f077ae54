import { GroupCreated, WorkspaceMemberRemoved } from '@hub/domain/workspaces/workspace.events';
import { DocKey, ProjectionDocs, RecordedOf } from '@hub/projection/projection';
import { CaseGroupDoc } from './cases.documents';

// The case views (cases, extra cases) each keep their own copy of groups' members, so each is
// self-contained when folded as of a past moment; this is how both keep it.

/** The group documents a group fact touches: the created group, or the remover's groups. */
export function groupKeys(
  collection: string,
  event: RecordedOf<GroupCreated | WorkspaceMemberRemoved>,
): DocKey[] {
  const ids = event.type === 'GroupCreated' ? [event.data.groupId] : event.data.groupIds;
  return ids.map((id) => ({ collection, id }));
}

/** A group was created: its members in its workspace (group ids are unique per workspace only). */
export function groupCreated(
  docs: ProjectionDocs,
  collection: string,
  { groupId, workspaceId, memberUserIds }: GroupCreated['data'],
): void {
  const group = docs.get<CaseGroupDoc>(collection, groupId) ?? { groupId, membersByWorkspace: {} };
  docs.put(collection, groupId, {
    ...group,
    membersByWorkspace: { ...group.membersByWorkspace, [workspaceId]: [...memberUserIds] },
  });
}

/**
 * A removed member leaves the workspace's groups, so a later group grant does not admit them; what
 * they were admitted to there stops counting with their membership (the access read model).
 */
export function leaveGroups(
  docs: ProjectionDocs,
  collection: string,
  data: WorkspaceMemberRemoved['data'],
): void {
  for (const groupId of data.groupIds) {
    const group = docs.get<CaseGroupDoc>(collection, groupId);
    const members = group?.membersByWorkspace[data.workspaceId];
    if (!group || !members?.includes(data.userId)) continue;
    const left = members.filter((userId) => userId !== data.userId);
    docs.put(collection, groupId, {
      ...group,
      membersByWorkspace: { ...group.membersByWorkspace, [data.workspaceId]: left },
    });
  }
}
