import { SpecEvent } from '@hub/testing/projection/projection-specs';
import { caseOpened as casesCaseOpened } from '../cases/cases.fixtures';

/** Builders of the events the extra-cases specs replay. */
export const workspaceCreated = (workspaceId: string, agreementId = 'a1'): SpecEvent => ({
  type: 'WorkspaceCreated',
  streamName: `workspace-${workspaceId}`,
  data: {
    workspaceId,
    agreementId,
    name: workspaceId,
    purpose: 'spec',
    isDefault: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
});

const line = (entitlementId: string, service: string) => ({
  entitlementId,
  category: 'reactive',
  service,
  unit: 'hours',
  quantity: 10,
  kind: 'consumable',
});

export const contractAdded = (
  contractId: string,
  endsOn: string,
  agreementId = 'a1',
): SpecEvent => ({
  type: 'ContractAdded',
  streamName: `contract-${contractId}`,
  data: {
    contractId,
    agreementId,
    startsOn: '2026-01-01',
    endsOn,
    entitlements: [line('prs', 'Problem Resolution Support')],
    addedAt: '2026-01-01T00:00:00.000Z',
  },
});

export const packagePurchased = (packageId: string, contractId: string): SpecEvent => ({
  type: 'AddOnPackagePurchased',
  streamName: `package-${packageId}`,
  data: {
    packageId,
    contractId,
    agreementId: 'a1',
    name: 'Enhanced',
    expiresOn: '2026-12-31',
    entitlements: [line('adv', 'Advisory Hours')],
    purchasedAt: '2026-01-02T00:00:00.000Z',
  },
});

export const contractMapped = (workspaceId: string, contractId: string): SpecEvent => ({
  type: 'ContractMappedToWorkspace',
  streamName: `workspace-${workspaceId}`,
  data: { workspaceId, contractId, mappedAt: '2026-01-02T00:00:00.000Z' },
});

export const packageMapped = (workspaceId: string, packageId: string): SpecEvent => ({
  type: 'PackageMappedToWorkspace',
  streamName: `workspace-${workspaceId}`,
  data: { workspaceId, packageId, mappedAt: '2026-01-02T00:00:00.000Z' },
});

/** A case opened as the cases specs open one, on a day of March 2026 (an advisory case). */
export function caseOpened(
  caseId: string,
  workspaceId: string,
  names: object = {},
  day = '03',
): SpecEvent {
  return casesCaseOpened(caseId, workspaceId, {
    severity: 'C',
    caseType: 'advisory',
    product: 'Exchange Online',
    primaryContactUserId: 'u1',
    openedBy: 'u1',
    openedAt: `2026-03-${day}T10:00:00.000Z`,
    initialResponseDueAt: `2026-03-${day}T18:00:00.000Z`,
    ...names,
  });
}
