import { CaseOpened } from '@hub/domain/cases/case.events';
import { ContractAdded } from '@hub/domain/contracts/contract.events';
import { EntitlementLine } from '@hub/domain/contracts/entitlement';
import { AddOnPackagePurchased } from '@hub/domain/packages/package.events';
import {
  ContractMappedToWorkspace,
  PackageMappedToWorkspace,
  WorkspaceCreated,
} from '@hub/domain/workspaces/workspace.events';
import {
  DocKey,
  Projection,
  ProjectionDocs,
  withItem,
  RecordedOf,
} from '@hub/projection/projection';
import {
  EXTRA_CASES_COLLECTIONS as C,
  EntitlementRef,
  ExtraCaseCandidateDoc,
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
] as const;

type ExtraCasesEvent =
  | CaseOpened
  | ContractAdded
  | AddOnPackagePurchased
  | WorkspaceCreated
  | ContractMappedToWorkspace
  | PackageMappedToWorkspace;

function locate(event: RecordedOf<ExtraCasesEvent>): DocKey[] {
  switch (event.type) {
    case 'CaseOpened':
      return [{ collection: C.cases, id: event.data.caseId }];
    case 'ContractAdded':
      return [{ collection: C.contracts, id: event.data.contractId }];
    case 'AddOnPackagePurchased':
      return [{ collection: C.packages, id: event.data.packageId }];
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
      };
      return docs.put(C.cases, data.caseId, doc);
    }
    case 'ContractAdded': {
      const { contractId, agreementId, startsOn, endsOn, entitlements } = event.data;
      const doc: KnownContractDoc = {
        contractId,
        agreementId,
        startsOn,
        endsOn,
        entitlements: refs(entitlements),
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
  version: 1,
  handles: HANDLES,
  collections: [
    { name: C.cases, indexes: [['workspaceId']] },
    { name: C.contracts, indexes: [['agreementId']] },
    { name: C.packages, indexes: [['agreementId']] },
    { name: C.workspaces, indexes: [['agreementId']] },
  ],
  locate,
  evolve,
};
