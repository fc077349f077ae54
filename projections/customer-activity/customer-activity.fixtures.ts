import { SpecEvent } from '@hub/testing/projection/projection-specs';

/** A small history shared by the projection and query specs (plain data, as recorded). */
export const line = (
  entitlementId: string,
  category: string,
  quantity: number,
  kind = 'consumable',
  unit = 'hours',
) => ({
  entitlementId,
  category,
  service: `${category} service ${entitlementId}`,
  description: `about ${entitlementId}`,
  unit,
  quantity,
  kind,
});

export const workspaceCreated = (workspaceId: string, agreementId = 'a1'): SpecEvent => ({
  type: 'WorkspaceCreated',
  data: {
    workspaceId,
    agreementId,
    name: workspaceId,
    purpose: 'p',
    isDefault: false,
    createdAt: '2026-01-01T00:00:00Z',
  },
});

export const contractAdded = (
  contractId: string,
  entitlements: ReturnType<typeof line>[],
  period = { startsOn: '2026-01-01', endsOn: '2026-12-31' },
): SpecEvent => ({
  type: 'ContractAdded',
  data: { contractId, agreementId: 'a1', ...period, entitlements, addedAt: '2026-01-01T00:00:00Z' },
});

export const contractMapped = (workspaceId: string, contractId: string): SpecEvent => ({
  type: 'ContractMappedToWorkspace',
  data: { workspaceId, contractId, mappedAt: '2026-01-02T00:00:00Z' },
});

export const packageMapped = (workspaceId: string, packageId: string): SpecEvent => ({
  type: 'PackageMappedToWorkspace',
  data: { workspaceId, packageId, mappedAt: '2026-01-02T00:00:00Z' },
});

export const consumed = (
  consumptionId: string,
  contractId: string,
  entitlementId: string,
  quantity: number,
  more: {
    category?: string;
    deliveredOn?: string;
    workspaceId?: string;
    packageId?: string;
    unit?: string;
  } = {},
): SpecEvent => ({
  type: 'ConsumptionLogged',
  data: {
    consumptionId,
    contractId,
    ...(more.packageId ? { packageId: more.packageId } : {}),
    entitlementId,
    category: more.category ?? 'reactive',
    unit: more.unit ?? 'hours',
    quantity,
    deliveredOn: more.deliveredOn ?? '2026-02-01',
    reference: { kind: 'case', id: `case-${consumptionId}` },
    ...(more.workspaceId ? { workspaceId: more.workspaceId } : {}),
    source: 'delivery-service',
    overage: 0,
    loggedAt: '2026-02-01T10:00:00Z',
  },
});

export const reversed = (
  consumptionId: string,
  contractId: string,
  entitlementId: string,
  quantity: number,
  packageId?: string,
): SpecEvent => ({
  type: 'ConsumptionReversed',
  data: {
    consumptionId,
    contractId,
    ...(packageId ? { packageId } : {}),
    entitlementId,
    quantity,
    reason: 'logged twice',
    reversedAt: '2026-02-03T00:00:00Z',
  },
});
