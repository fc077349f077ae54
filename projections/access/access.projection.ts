import { RecordedEvent } from '@hub/event-store';
import { DocKey, Projection, ProjectionDocs, withItem } from '@hub/projector/projection';
import {
  ACCESS_COLLECTIONS as C,
  AgreementAdminDoc,
  InvitationDoc,
  MemberDoc,
  WorkspaceDoc,
  memberId,
} from './access.documents';

// Event data was validated on the write side; each case reads the fields of its own event type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

const HANDLES = [
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
] as const;

function locate(event: RecordedEvent): DocKey[] {
  const data = event.data as Data;
  const workspace = { collection: C.workspaces, id: data.workspaceId };
  switch (event.type) {
    case 'MemberInvited':
      return [workspace, { collection: C.invitations, id: data.invitationId }];
    case 'InvitationAccepted':
      return [
        workspace,
        { collection: C.invitations, id: data.invitationId },
        { collection: C.members, id: memberId(data.workspaceId, data.userId) },
      ];
    case 'RoleGranted':
    case 'RoleRevoked':
      return [workspace, { collection: C.members, id: memberId(data.workspaceId, data.userId) }];
    case 'CustomerAdministratorAppointed':
    case 'CustomerAdministratorRemoved':
      return [{ collection: C.agreementAdmins, id: `${data.agreementId}:${data.userId}` }];
    case 'WorkspaceMemberRemoved':
      return [workspace, { collection: C.members, id: memberId(data.workspaceId, data.userId) }];
    default:
      return [workspace];
  }
}

function member(docs: ProjectionDocs, data: Data): MemberDoc {
  const workspace = docs.get<WorkspaceDoc>(C.workspaces, data.workspaceId);
  return (
    docs.get<MemberDoc>(C.members, memberId(data.workspaceId, data.userId)) ?? {
      workspaceId: data.workspaceId,
      agreementId: workspace?.agreementId ?? '',
      userId: data.userId,
      email: (data.email ?? '').toLowerCase(),
      roles: [],
      joinedAt: data.acceptedAt ?? data.grantedAt,
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

function evolve(docs: ProjectionDocs, event: RecordedEvent): void {
  const data = event.data as Data;
  switch (event.type) {
    case 'WorkspaceCreated': {
      const doc: WorkspaceDoc = {
        workspaceId: data.workspaceId,
        agreementId: data.agreementId,
        name: data.name,
        purpose: data.purpose,
        isDefault: data.isDefault,
        createdAt: data.createdAt,
        mappedContracts: [],
        mappedPackages: [],
        groups: {},
      };
      return docs.put(C.workspaces, data.workspaceId, doc);
    }
    case 'MemberInvited': {
      const workspace = docs.get<WorkspaceDoc>(C.workspaces, data.workspaceId);
      const doc: InvitationDoc = {
        invitationId: data.invitationId,
        workspaceId: data.workspaceId,
        workspaceName: workspace?.name ?? '',
        email: String(data.email).toLowerCase(),
        name: data.name,
        invitedAt: data.invitedAt,
        status: 'pending',
      };
      return docs.put(C.invitations, data.invitationId, doc);
    }
    case 'InvitationAccepted': {
      const invitation = docs.get<InvitationDoc>(C.invitations, data.invitationId);
      if (invitation)
        docs.put(C.invitations, data.invitationId, { ...invitation, status: 'accepted' });
      return docs.put(C.members, memberId(data.workspaceId, data.userId), {
        ...member(docs, data),
        email: String(data.email).toLowerCase(),
        joinedAt: data.acceptedAt,
      });
    }
    case 'RoleGranted': {
      const doc = member(docs, data);
      const roles = doc.roles.includes(data.role) ? doc.roles : [...doc.roles, data.role].sort();
      return docs.put(C.members, memberId(data.workspaceId, data.userId), { ...doc, roles });
    }
    case 'RoleRevoked': {
      const doc = member(docs, data);
      const roles = doc.roles.filter((role) => role !== data.role);
      return docs.put(C.members, memberId(data.workspaceId, data.userId), { ...doc, roles });
    }
    case 'GroupCreated':
      return updateWorkspace(docs, data.workspaceId, (doc) => ({
        ...doc,
        groups: {
          ...doc.groups,
          [data.groupId]: { name: data.name, memberUserIds: data.memberUserIds },
        },
      }));
    case 'ContractMappedToWorkspace':
      return updateWorkspace(docs, data.workspaceId, (doc) => ({
        ...doc,
        mappedContracts: withItem(doc.mappedContracts, data.contractId),
      }));
    case 'PackageMappedToWorkspace':
      return updateWorkspace(docs, data.workspaceId, (doc) => ({
        ...doc,
        mappedPackages: withItem(doc.mappedPackages, data.packageId),
      }));
    case 'CustomerAdministratorAppointed': {
      const doc: AgreementAdminDoc = { agreementId: data.agreementId, userId: data.userId };
      return docs.put(C.agreementAdmins, `${data.agreementId}:${data.userId}`, doc);
    }
    case 'CustomerAdministratorRemoved':
      return docs.delete(C.agreementAdmins, `${data.agreementId}:${data.userId}`);
    // A removed member loses every role there and no longer counts as a member (domain.md §3).
    case 'WorkspaceMemberRemoved':
      docs.delete(C.members, memberId(data.workspaceId, data.userId));
      return updateWorkspace(docs, data.workspaceId, (doc) => ({
        ...doc,
        groups: Object.fromEntries(
          Object.entries(doc.groups).map(([id, group]) => [
            id,
            { ...group, memberUserIds: group.memberUserIds.filter((u) => u !== data.userId) },
          ]),
        ),
      }));
  }
}

/** Who belongs to which workspace with which roles: every query's scope reads this. */
export const accessProjection: Projection = {
  name: 'access',
  version: 2,
  handles: HANDLES,
  collections: [
    { name: C.workspaces, indexes: [['agreementId']] },
    { name: C.members, indexes: [['userId'], ['workspaceId']] },
    { name: C.invitations, indexes: [['email', 'status']] },
    { name: C.agreementAdmins, indexes: [['userId']] },
  ],
  locate,
  evolve,
};
