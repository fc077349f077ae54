import { recordedMillionths } from '@hub/domain/contracts/entitlement';
import { ConsumptionLogged, ConsumptionReversed } from '@hub/domain/consumption/consumption.events';
import { AddOnPackagePurchased, PackageWithdrawn } from '@hub/domain/packages/package.events';
import { DocKey, Projection, ProjectionDocs, RecordedOf } from '@hub/projection/projection';
import {
  PackageMappedToWorkspace,
  WorkspaceCreated,
} from '@hub/domain/workspaces/workspace.events';
import { ADDON_COLLECTIONS as C, PackageDoc, PackageRecordDoc } from './addon-balances.documents';
import { WorkspaceMappings } from '../customer-activity/workspace-mappings';

/** The events this read model folds. */
type AddonBalancesEvent =
  | AddOnPackagePurchased
  | PackageWithdrawn
  | WorkspaceCreated
  | PackageMappedToWorkspace
  | ConsumptionLogged
  | ConsumptionReversed;

/** Only consumption drawn on a package counts here; contract lines are customer-activity's. */
const packageOf = (data: { packageId?: string | null }): string | null =>
  typeof data.packageId === 'string' ? data.packageId : null;

function locate(event: RecordedOf<AddonBalancesEvent>): DocKey[] {
  switch (event.type) {
    case 'AddOnPackagePurchased':
    case 'PackageWithdrawn':
      return [{ collection: C.packages, id: event.data.packageId }];
    case 'WorkspaceCreated':
    case 'PackageMappedToWorkspace':
      return [{ collection: C.workspaces, id: event.data.workspaceId }];
    case 'ConsumptionLogged':
    case 'ConsumptionReversed': {
      const packageId = packageOf(event.data);
      if (packageId === null) return [];
      return [
        { collection: C.records, id: event.data.consumptionId },
        { collection: C.packages, id: packageId },
      ];
    }
  }
}

function purchased(docs: ProjectionDocs, data: AddOnPackagePurchased['data']): void {
  const existing = docs.get<PackageDoc>(C.packages, data.packageId);
  const consumedBefore = new Map(
    (existing?.consumables ?? []).map((line) => [line.entitlementId, line.consumedMillionths]),
  );
  const doc: PackageDoc = {
    packageId: data.packageId,
    contractId: data.contractId,
    agreementId: data.agreementId,
    name: data.name,
    expiresOn: data.expiresOn,
    withdrawn: existing?.withdrawn ?? false,
    withdrawnAt: existing?.withdrawnAt ?? null,
    consumables: data.entitlements
      .filter((line) => line.kind === 'consumable')
      .map((line) => ({
        entitlementId: line.entitlementId,
        category: line.category,
        service: line.service,
        description: line.description ?? '',
        unit: line.unit,
        totalMillionths: recordedMillionths(line.quantity),
        // A redelivered purchase must not reset what was consumed since.
        consumedMillionths: consumedBefore.get(line.entitlementId) ?? 0,
      })),
    benefits: data.entitlements
      .filter((line) => line.kind === 'benefit')
      .map((line) => ({
        entitlementId: line.entitlementId,
        service: line.service,
        description: line.description ?? '',
      })),
  };
  docs.put(C.packages, data.packageId, doc);
}

function withdrawn(docs: ProjectionDocs, data: PackageWithdrawn['data']): void {
  const doc = docs.get<PackageDoc>(C.packages, data.packageId);
  if (!doc || doc.withdrawn) return;
  docs.put(C.packages, data.packageId, { ...doc, withdrawn: true, withdrawnAt: data.withdrawnAt });
}

/** Adds `delta` millionths to one consumable line of a package. */
function charge(docs: ProjectionDocs, packageId: string, entitlementId: string, delta: number) {
  const doc = docs.get<PackageDoc>(C.packages, packageId);
  if (!doc) return;
  docs.put(C.packages, packageId, {
    ...doc,
    consumables: doc.consumables.map((line) =>
      line.entitlementId === entitlementId
        ? { ...line, consumedMillionths: line.consumedMillionths + delta }
        : line,
    ),
  });
}

function logged(docs: ProjectionDocs, packageId: string, data: ConsumptionLogged['data']): void {
  // The record is the "already applied" marker: a redelivered event adds nothing.
  if (docs.get<PackageRecordDoc>(C.records, data.consumptionId)) return;
  const record: PackageRecordDoc = {
    consumptionId: data.consumptionId,
    packageId,
    entitlementId: data.entitlementId,
    quantityMillionths: recordedMillionths(data.quantity),
    deliveredOn: data.deliveredOn,
    reversed: false,
    contractId: data.contractId,
    unit: data.unit,
    reference: data.reference,
    workspaceId: data.workspaceId ?? null,
    deliveredHours: data.deliveredHours ?? null,
    source: data.source,
  };
  docs.put(C.records, data.consumptionId, record);
  charge(docs, packageId, data.entitlementId, record.quantityMillionths);
}

function reversed(docs: ProjectionDocs, data: ConsumptionReversed['data']): void {
  const record = docs.get<PackageRecordDoc>(C.records, data.consumptionId);
  if (!record || record.reversed) return;
  docs.put(C.records, data.consumptionId, { ...record, reversed: true });
  charge(docs, record.packageId, record.entitlementId, -record.quantityMillionths);
}

const workspaces = new WorkspaceMappings(C.workspaces, 'packageIds');

function evolve(docs: ProjectionDocs, event: RecordedOf<AddonBalancesEvent>): void {
  switch (event.type) {
    case 'AddOnPackagePurchased':
      return purchased(docs, event.data);
    case 'PackageWithdrawn':
      return withdrawn(docs, event.data);
    case 'WorkspaceCreated':
      return workspaces.created(docs, event.data.workspaceId, event.data.agreementId);
    case 'PackageMappedToWorkspace':
      return workspaces.mapped(docs, event.data.workspaceId, event.data.packageId);
    case 'ConsumptionLogged': {
      const packageId = packageOf(event.data);
      if (packageId !== null) logged(docs, packageId, event.data);
      return;
    }
    case 'ConsumptionReversed':
      if (packageOf(event.data) !== null) reversed(docs, event.data);
      return;
  }
}

/**
 * Customer Activity's add-on packages section (domain.md §4): each package with its expiry,
 * withdrawal, consumable balances and benefits, and which packages each workspace sees.
 */
export const addonBalancesProjection: Projection<AddonBalancesEvent> = {
  name: 'addon-balances',
  version: 3,
  handles: [
    'AddOnPackagePurchased',
    'PackageWithdrawn',
    'WorkspaceCreated',
    'PackageMappedToWorkspace',
    'ConsumptionLogged',
    'ConsumptionReversed',
  ],
  collections: [
    { name: C.packages, indexes: [['contractId'], ['agreementId']] },
    { name: C.records, indexes: [['packageId'], ['packageId', 'deliveredOn']] },
    { name: C.workspaces, indexes: [['agreementId']] },
  ],
  locate,
  evolve,
};
