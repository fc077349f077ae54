import { lookupAddressKey } from '../address-keys';
import {
  CustomerAdministratorAppointed,
  CustomerAdministratorRemoved,
} from '@hub/domain/agreements/agreement.events';
import { WorkspaceEvent } from '@hub/domain/workspaces/workspace.events';
import {
  DocKey,
  Projection,
  ProjectionDocs,
  RecordedOf,
  withItem,
} from '@hub/projection/projection';
import {
  ACCESS_COLLECTIONS as C,
  AgreementAdminDoc,
  InvitationDoc,
  MemberDoc,
  WorkspaceDoc,
  memberId,
} from './access.documents';

/** The events this read model folds. */
type AccessEvent = WorkspaceEvent | CustomerAdministratorAppointed | CustomerAdministratorRemoved;

function locate(event: RecordedOf<AccessEvent>): DocKey[] {
  if (
    event.type === 'CustomerAdministratorAppointed' ||
    event.type === 'CustomerAdministratorRemoved'
  ) {
    const { agreementId, userId } = event.data;
    return [{ collection: C.agreementAdmins, id: `${agreementId}:${userId}` }];
  }
  const workspace = { collection: C.workspaces, id: event.data.workspaceId };
  switch (event.type) {
    case 'MemberInvited':
      return [workspace, { collection: C.invitations, id: event.data.invitationId }];
    case 'InvitationAccepted': {
      const { invitationId, workspaceId, userId } = event.data;
      return [
        workspace,
        { collection: C.invitations, id: invitationId },
        { collection: C.members, id: memberId(workspaceId, userId) },
      ];
    }
    case 'RoleGranted':
    case 'RoleRevoked':
    case 'WorkspaceMemberRemoved':
      return [
        workspace,
        { collection: C.members, id: memberId(event.data.workspaceId, event.data.userId) },
      ];
    default:
      return [workspace];
  }
}

/** A member's document, or a new one joined `at` (a grant may come before any acceptance). */
function member(
  docs: ProjectionDocs,
  { workspaceId, userId }: { workspaceId: string; userId: string },
  at: string,
): MemberDoc {
  const workspace = docs.get<WorkspaceDoc>(C.workspaces, workspaceId);
  return (
    docs.get<MemberDoc>(C.members, memberId(workspaceId, userId)) ?? {
      workspaceId,
      agreementId: workspace?.agreementId ?? '',
      userId,
      roles: [],
      joinedAt: at,
    }
  );
}

function updateWorkspace(
  docs: ProjectionDocs,
  workspaceId: string,
  change: (doc: WorkspaceDoc) => WorkspaceDoc,
): void {
  const doc = docs.get<WorkspaceDoc>(C.workspaces, workspaceId);
  if (!doc) return;
  docs.put(C.workspaces, workspaceId, change(doc));
}

function evolve(docs: ProjectionDocs, event: RecordedOf<AccessEvent>): void {
  switch (event.type) {
    case 'WorkspaceCreated': {
      const { workspaceId, agreementId, name, purpose, isDefault, createdAt } = event.data;
      const doc: WorkspaceDoc = {
        ...{ workspaceId, agreementId, name, purpose, isDefault, createdAt },
        mappedContracts: [],
        mappedPackages: [],
        groups: {},
      };
      return docs.put(C.workspaces, workspaceId, doc);
    }
    case 'MemberInvited': {
      const data = event.data;
      const workspace = docs.get<WorkspaceDoc>(C.workspaces, data.workspaceId);
      const doc: InvitationDoc = {
        invitationId: data.invitationId,
        workspaceId: data.workspaceId,
        workspaceName: workspace?.name ?? '',
        // An erased invitee's address finds nothing: the invitation is no longer theirs to take.
        emailKey: lookupAddressKey(data),
        invitedAt: data.invitedAt,
        status: 'pending',
      };
      return docs.put(C.invitations, data.invitationId, doc);
    }
    case 'InvitationAccepted': {
      const data = event.data;
      const invitation = docs.get<InvitationDoc>(C.invitations, data.invitationId);
      if (invitation)
        docs.put(C.invitations, data.invitationId, { ...invitation, status: 'accepted' });
      return docs.put(C.members, memberId(data.workspaceId, data.userId), {
        ...member(docs, data, data.acceptedAt),
        joinedAt: data.acceptedAt,
      });
    }
    case 'RoleGranted': {
      const data = event.data;
      const doc = member(docs, data, data.grantedAt);
      const roles = doc.roles.includes(data.role) ? doc.roles : [...doc.roles, data.role].sort();
      return docs.put(C.members, memberId(data.workspaceId, data.userId), { ...doc, roles });
    }
    case 'RoleRevoked': {
      const data = event.data;
      const doc = member(docs, data, data.revokedAt);
      const roles = doc.roles.filter((role) => role !== data.role);
      return docs.put(C.members, memberId(data.workspaceId, data.userId), { ...doc, roles });
    }
    case 'GroupCreated': {
      const { workspaceId, groupId, name, memberUserIds } = event.data;
      return updateWorkspace(docs, workspaceId, (doc) => ({
        ...doc,
        groups: { ...doc.groups, [groupId]: { name, memberUserIds } },
      }));
    }
    case 'ContractMappedToWorkspace': {
      const { workspaceId, contractId } = event.data;
      return updateWorkspace(docs, workspaceId, (doc) => ({
        ...doc,
        mappedContracts: withItem(doc.mappedContracts, contractId),
      }));
    }
    case 'PackageMappedToWorkspace': {
      const { workspaceId, packageId } = event.data;
      return updateWorkspace(docs, workspaceId, (doc) => ({
        ...doc,
        mappedPackages: withItem(doc.mappedPackages, packageId),
      }));
    }
    case 'CustomerAdministratorAppointed': {
      const { agreementId, userId } = event.data;
      const doc: AgreementAdminDoc = { agreementId, userId };
      return docs.put(C.agreementAdmins, `${agreementId}:${userId}`, doc);
    }
    case 'CustomerAdministratorRemoved':
      return docs.delete(C.agreementAdmins, `${event.data.agreementId}:${event.data.userId}`);
    // A removed member loses every role there and leaves its groups (domain.md §3).
    case 'WorkspaceMemberRemoved': {
      const { workspaceId, userId } = event.data;
      docs.delete(C.members, memberId(workspaceId, userId));
      return updateWorkspace(docs, workspaceId, (doc) => ({
        ...doc,
        groups: Object.fromEntries(
          Object.entries(doc.groups).map(([id, group]) => [
            id,
            { ...group, memberUserIds: group.memberUserIds.filter((u) => u !== userId) },
          ]),
        ),
      }));
    }
  }
}

/** Who belongs to which workspace with which roles: every query's scope reads this. */
export const accessProjection: Projection<AccessEvent> = {
  name: 'access',
  // 3: invitations keyed by the address's keyed hash; no address or name held.
  version: 3,
  handles: [
    'WorkspaceCreated',
    'MemberInvited',
    'InvitationAccepted',
    'RoleGranted',
    'RoleRevoked',
    'GroupCreated',
    'ContractMappedToWorkspace',
    'PackageMappedToWorkspace',
    'CustomerAdministratorAppointed',
    'CustomerAdministratorRemoved',
    'WorkspaceMemberRemoved',
  ],
  collections: [
    { name: C.workspaces, indexes: [['agreementId']] },
    { name: C.members, indexes: [['userId'], ['workspaceId']] },
    { name: C.invitations, indexes: [['emailKey', 'status']] },
    { name: C.agreementAdmins, indexes: [['userId']] },
  ],
  locate,
  evolve,
};
