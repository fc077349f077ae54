import { CaseGroupAccessGranted, CaseOpened, CaseShared } from '@hub/domain/cases/case.events';
import { ContractAdded } from '@hub/domain/contracts/contract.events';
import { EntitlementLine } from '@hub/domain/contracts/entitlement';
import { AddOnPackagePurchased } from '@hub/domain/packages/package.events';
import {
  ContractMappedToWorkspace,
  GroupCreated,
  PackageMappedToWorkspace,
  WorkspaceMemberRemoved,
  WorkspaceCreated,
} from '@hub/domain/workspaces/workspace.events';
import {
  DocKey,
  Projection,
  ProjectionDocs,
  RecordedOf,
  withItem,
} from '@hub/projection/projection';
import {
  EXTRA_CASES_COLLECTIONS as C,
  EntitlementRef,
  ExtraCaseCandidateDoc,
  ExtraCaseGroupDoc,
  KnownContractDoc,
  KnownPackageDoc,
  WorkspaceMappingsDoc,
} from './extra-cases.documents';

const HANDLES = [
  'CaseOpened',
  'ContractAdded',
  'AddOnPackagePurchased',
  'WorkspaceCreated',
  'ContractMappedToWorkspace',
  'PackageMappedToWorkspace',
  'CaseShared',
  'CaseGroupAccessGranted',
  'GroupCreated',
  'WorkspaceMemberRemoved',
] as const;

type ExtraCasesEvent =
  | CaseOpened
  | ContractAdded
  | AddOnPackagePurchased
  | WorkspaceCreated
  | ContractMappedToWorkspace
  | PackageMappedToWorkspace
  | CaseShared
  | CaseGroupAccessGranted
  | GroupCreated
  | WorkspaceMemberRemoved;

function locate(event: RecordedOf<ExtraCasesEvent>): DocKey[] {
  switch (event.type) {
    case 'CaseOpened':
      return [{ collection: C.cases, id: event.data.caseId }];
    case 'ContractAdded':
      return [{ collection: C.contracts, id: event.data.contractId }];
    case 'AddOnPackagePurchased':
      return [{ collection: C.packages, id: event.data.packageId }];
    case 'CaseShared':
      return [{ collection: C.cases, id: event.data.caseId }];
    case 'CaseGroupAccessGranted':
      return [
        { collection: C.cases, id: event.data.caseId },
        { collection: C.groups, id: event.data.groupId },
      ];
    case 'GroupCreated':
      return [{ collection: C.groups, id: event.data.groupId }];
    case 'WorkspaceMemberRemoved':
      return event.data.groupIds.map((id) => ({ collection: C.groups, id }));
    default:
      return [{ collection: C.workspaces, id: event.data.workspaceId }];
  }
}

const refs = (lines: readonly EntitlementLine[]): EntitlementRef[] =>
  lines.map(({ entitlementId, service, kind }) => ({ entitlementId, service, kind }));

function mapInto(
  docs: ProjectionDocs,
  workspaceId: string,
  change: (doc: WorkspaceMappingsDoc) => WorkspaceMappingsDoc,
): void {
  const doc = docs.get<WorkspaceMappingsDoc>(C.workspaces, workspaceId);
  // WorkspaceCreated opens the workspace's stream, so a mapping never precedes it.
  if (!doc) return;
  docs.put(C.workspaces, workspaceId, change(doc));
}

/** Admits users to a case by name (the visibility rules a–c of domain.md §5). */
function admit(docs: ProjectionDocs, caseId: string, userIds: readonly string[]): void {
  const found = docs.get<ExtraCaseCandidateDoc>(C.cases, caseId);
  if (!found) return;
  const viewerUserIds = userIds.reduce(
    (list, userId) => withItem(list, userId),
    found.viewerUserIds,
  );
  if (viewerUserIds !== found.viewerUserIds) docs.put(C.cases, caseId, { ...found, viewerUserIds });
}

/**
 * A removed member leaves the workspace's groups, so a later group grant does not admit them; what
 * they were admitted to there stops counting with their membership (the access read model).
 */
function leaveGroups(docs: ProjectionDocs, data: WorkspaceMemberRemoved['data']): void {
  for (const groupId of data.groupIds) {
    const group = docs.get<ExtraCaseGroupDoc>(C.groups, groupId);
    const members = group?.membersByWorkspace[data.workspaceId];
    if (!group || !members?.includes(data.userId)) continue;
    const left = members.filter((userId) => userId !== data.userId);
    docs.put(C.groups, groupId, {
      ...group,
      membersByWorkspace: { ...group.membersByWorkspace, [data.workspaceId]: left },
    });
  }
}

function evolve(docs: ProjectionDocs, event: RecordedOf<ExtraCasesEvent>): void {
  switch (event.type) {
    case 'CaseOpened': {
      const data = event.data;
      const doc: ExtraCaseCandidateDoc = {
        caseId: data.caseId,
        workspaceId: data.workspaceId,
        caseType: data.caseType,
        category: data.category ?? null,
        product: data.product,
        title: data.title,
        contractId: data.contractId ?? null,
        packageId: data.packageId ?? null,
        entitlementId: data.entitlementId ?? null,
        openedAt: data.openedAt,
        viewerUserIds: [data.primaryContactUserId],
      };
      return docs.put(C.cases, data.caseId, doc);
    }
    case 'CaseShared':
      return admit(docs, event.data.caseId, [event.data.userId]);
    case 'CaseGroupAccessGranted': {
      const found = docs.get<ExtraCaseCandidateDoc>(C.cases, event.data.caseId);
      const group = docs.get<ExtraCaseGroupDoc>(C.groups, event.data.groupId);
      if (!found) return;
      return admit(docs, found.caseId, group?.membersByWorkspace[found.workspaceId] ?? []);
    }
    case 'WorkspaceMemberRemoved':
      return leaveGroups(docs, event.data);
    case 'GroupCreated': {
      const { groupId, workspaceId, memberUserIds } = event.data;
      const group = docs.get<ExtraCaseGroupDoc>(C.groups, groupId) ?? {
        groupId,
        membersByWorkspace: {},
      };
      return docs.put(C.groups, groupId, {
        ...group,
        membersByWorkspace: { ...group.membersByWorkspace, [workspaceId]: [...memberUserIds] },
      });
    }
    case 'ContractAdded': {
      const { contractId, agreementId, startsOn, endsOn, entitlements } = event.data;
      const doc: KnownContractDoc = {
        contractId,
        agreementId,
        startsOn,
        endsOn,
        entitlements: refs(entitlements),
        knownSince: event.data.addedAt,
      };
      return docs.put(C.contracts, contractId, doc);
    }
    case 'AddOnPackagePurchased': {
      const { packageId, contractId, agreementId, expiresOn, entitlements } = event.data;
      const doc: KnownPackageDoc = {
        packageId,
        contractId,
        agreementId,
        expiresOn,
        entitlements: refs(entitlements),
        knownSince: event.data.purchasedAt,
      };
      return docs.put(C.packages, packageId, doc);
    }
    case 'WorkspaceCreated': {
      const { workspaceId, agreementId } = event.data;
      const existing = docs.get<WorkspaceMappingsDoc>(C.workspaces, workspaceId);
      const doc: WorkspaceMappingsDoc = existing ?? {
        workspaceId,
        agreementId,
        mappedContracts: [],
        mappedPackages: [],
      };
      return docs.put(C.workspaces, workspaceId, doc);
    }
    case 'ContractMappedToWorkspace':
      return mapInto(docs, event.data.workspaceId, (doc) => ({
        ...doc,
        mappedContracts: withItem(doc.mappedContracts, event.data.contractId),
      }));
    case 'PackageMappedToWorkspace':
      return mapInto(docs, event.data.workspaceId, (doc) => ({
        ...doc,
        mappedPackages: withItem(doc.mappedPackages, event.data.packageId),
      }));
  }
}

/**
 * Cases with what they name, and the contracts, packages and workspace mappings they are
 * judged against. Judging happens at query time: "expired" depends on the day asked about and
 * "unmapped" on the workspace viewed.
 */
export const extraCasesProjection: Projection<ExtraCasesEvent> = {
  name: 'extra-cases',
  version: 2,
  handles: HANDLES,
  collections: [
    { name: C.cases, indexes: [['workspaceId']] },
    { name: C.contracts, indexes: [['agreementId']] },
    { name: C.packages, indexes: [['agreementId']] },
    { name: C.workspaces, indexes: [['agreementId']] },
    { name: C.groups },
  ],
  locate,
  evolve,
};
