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
import { DocKey, Projection, ProjectionDocs, RecordedOf } from '@hub/projection/projection';
import {
  EXTRA_CASES_COLLECTIONS as C,
  EntitlementRef,
  ExtraCaseCandidateDoc,
  ExtraCaseGroupDoc,
  KnownContractDoc,
  KnownPackageDoc,
  WorkspaceMappingsDoc,
} from './extra-cases.documents';
import { groupCreated, groupKeys, leaveGroups } from '../cases/case-groups';

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
    case 'WorkspaceMemberRemoved':
      return groupKeys(C.groups, event);
    default:
      return [{ collection: C.workspaces, id: event.data.workspaceId }];
  }
}

const refs = (lines: readonly EntitlementLine[]): EntitlementRef[] =>
  lines.map(({ entitlementId, service, kind }) => ({ entitlementId, service, kind }));

/** A contract or package as this view keeps it: its own fields, its lines' services, since when. */
const known = <T extends object>(
  own: T,
  lines: readonly EntitlementLine[],
  knownSince: string,
) => ({
  ...own,
  entitlements: refs(lines),
  knownSince,
});

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

/**
 * Admits users to a case by name (the visibility rules a–c of domain.md §5), each with when. A
 * later admission of someone already admitted is kept too: it counts in a later membership.
 */
function admit(
  docs: ProjectionDocs,
  caseId: string,
  userIds: readonly string[],
  admittedAt: string,
): void {
  const found = docs.get<ExtraCaseCandidateDoc>(C.cases, caseId);
  if (!found) return;
  const fresh = userIds.filter(
    (userId) => !found.viewers.some((v) => v.userId === userId && v.admittedAt === admittedAt),
  );
  if (fresh.length === 0) return;
  const viewers = [...found.viewers, ...fresh.map((userId) => ({ userId, admittedAt }))];
  docs.put(C.cases, caseId, { ...found, viewers });
}

/** Records the first mapping of an id (a repeated one keeps the earlier instant). */
const mappedOnce = (mapped: Record<string, string>, id: string, at: string) =>
  mapped[id] !== undefined ? mapped : { ...mapped, [id]: at };

function evolve(docs: ProjectionDocs, event: RecordedOf<ExtraCasesEvent>): void {
  switch (event.type) {
    case 'CaseOpened': {
      const data = event.data;
      // A partner's case about its own subscription is in no customer workspace: never extra.
      if (data.workspaceId === undefined) return;
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
        viewers: [{ userId: data.primaryContactUserId, admittedAt: data.openedAt }],
      };
      return docs.put(C.cases, data.caseId, doc);
    }
    case 'CaseShared':
      return admit(docs, event.data.caseId, [event.data.userId], event.data.sharedAt);
    case 'CaseGroupAccessGranted': {
      const found = docs.get<ExtraCaseCandidateDoc>(C.cases, event.data.caseId);
      const group = docs.get<ExtraCaseGroupDoc>(C.groups, event.data.groupId);
      if (!found) return;
      const members = group?.membersByWorkspace[found.workspaceId] ?? [];
      return admit(docs, found.caseId, members, event.data.grantedAt);
    }
    case 'WorkspaceMemberRemoved':
      return leaveGroups(docs, C.groups, event.data);
    case 'GroupCreated':
      return groupCreated(docs, C.groups, event.data);
    case 'ContractAdded': {
      const { contractId, agreementId, startsOn, endsOn, entitlements, addedAt } = event.data;
      const contract = { contractId, agreementId, startsOn, endsOn };
      const doc: KnownContractDoc = known(contract, entitlements, addedAt);
      return docs.put(C.contracts, contractId, doc);
    }
    case 'AddOnPackagePurchased': {
      const { packageId, contractId, agreementId, expiresOn, entitlements } = event.data;
      const addOn = { packageId, contractId, agreementId, expiresOn };
      const doc: KnownPackageDoc = known(addOn, entitlements, event.data.purchasedAt);
      return docs.put(C.packages, packageId, doc);
    }
    case 'WorkspaceCreated': {
      const { workspaceId, agreementId } = event.data;
      const existing = docs.get<WorkspaceMappingsDoc>(C.workspaces, workspaceId);
      const doc: WorkspaceMappingsDoc = existing ?? {
        workspaceId,
        agreementId,
        mappedContracts: {},
        mappedPackages: {},
      };
      return docs.put(C.workspaces, workspaceId, doc);
    }
    case 'ContractMappedToWorkspace':
      return mapInto(docs, event.data.workspaceId, (doc) => ({
        ...doc,
        mappedContracts: mappedOnce(
          doc.mappedContracts,
          event.data.contractId,
          event.data.mappedAt,
        ),
      }));
    case 'PackageMappedToWorkspace':
      return mapInto(docs, event.data.workspaceId, (doc) => ({
        ...doc,
        mappedPackages: mappedOnce(doc.mappedPackages, event.data.packageId, event.data.mappedAt),
      }));
  }
}

/**
 * Cases with what they name, and the contracts, packages and workspace mappings they are
 * judged against. Judging happens at query time: "unmapped" depends on the workspace viewed and
 * its mappings on the day asked about.
 */
export const extraCasesProjection: Projection<ExtraCasesEvent> = {
  name: 'extra-cases',
  // 3: mappings carry when they were made, admissions by name when they were made.
  version: 3,
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
