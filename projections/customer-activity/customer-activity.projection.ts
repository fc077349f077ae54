import { ContractAdded } from '@hub/domain/contracts/contract.events';
import { recordedMillionths } from '@hub/domain/contracts/entitlement';
import { ConsumptionLogged, ConsumptionReversed } from '@hub/domain/consumption/consumption.events';
import {
  ContractMappedToWorkspace,
  WorkspaceCreated,
} from '@hub/domain/workspaces/workspace.events';
import { DocKey, Projection, ProjectionDocs, RecordedOf } from '@hub/projection/projection';
import {
  ACTIVITY_COLLECTIONS as C,
  BalanceDoc,
  ContractDoc,
  DailyBurnDoc,
  RecordDoc,
  balanceId,
  dailyBurnId,
} from './customer-activity.documents';
import { WorkspaceMappings } from './workspace-mappings';

/** The events this read model folds. */
type CustomerActivityEvent =
  | ContractAdded
  | WorkspaceCreated
  | ContractMappedToWorkspace
  | ConsumptionLogged
  | ConsumptionReversed;

/** Package consumption belongs to the add-on section (addon-balances), not the enterprise-wide one. */
const isPackageRecord = (data: { packageId?: string | null }): boolean =>
  data.packageId !== undefined && data.packageId !== null;

function locate(event: RecordedOf<CustomerActivityEvent>): DocKey[] {
  switch (event.type) {
    case 'ContractAdded': {
      const { contractId, entitlements } = event.data;
      return [
        { collection: C.contracts, id: contractId },
        ...entitlements.map((line) => ({
          collection: C.balances,
          id: balanceId(contractId, line.entitlementId),
        })),
      ];
    }
    case 'WorkspaceCreated':
    case 'ContractMappedToWorkspace':
      return [{ collection: C.workspaces, id: event.data.workspaceId }];
    case 'ConsumptionLogged':
    case 'ConsumptionReversed': {
      const { data } = event;
      if (isPackageRecord(data)) return [];
      const keys = [
        { collection: C.records, id: data.consumptionId },
        { collection: C.balances, id: balanceId(data.contractId, data.entitlementId) },
      ];
      if (event.type === 'ConsumptionReversed') return keys;
      const { contractId, entitlementId, deliveredOn } = event.data;
      return [
        ...keys,
        { collection: C.dailyBurn, id: dailyBurnId(contractId, entitlementId, deliveredOn) },
      ];
    }
  }
}

function contractAdded(docs: ProjectionDocs, data: ContractAdded['data']): void {
  const contract: ContractDoc = {
    contractId: data.contractId,
    agreementId: data.agreementId,
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    benefits: data.entitlements
      .filter((line) => line.kind === 'benefit')
      .map((line) => ({
        entitlementId: line.entitlementId,
        category: line.category,
        service: line.service,
        description: line.description ?? '',
      })),
  };
  docs.put(C.contracts, data.contractId, contract);
  for (const line of data.entitlements) {
    // Benefits are listed, never tracked (domain.md §2): they have no balance.
    if (line.kind !== 'consumable') continue;
    const id = balanceId(data.contractId, line.entitlementId);
    const existing = docs.get<BalanceDoc>(C.balances, id);
    const balance: BalanceDoc = {
      contractId: data.contractId,
      agreementId: data.agreementId,
      entitlementId: line.entitlementId,
      category: line.category,
      service: line.service,
      description: line.description ?? '',
      unit: line.unit,
      totalMillionths: recordedMillionths(line.quantity),
      // A redelivered ContractAdded must not reset what was consumed since.
      consumedMillionths: existing?.consumedMillionths ?? 0,
    };
    docs.put(C.balances, id, balance);
  }
}

function consumptionLogged(docs: ProjectionDocs, data: ConsumptionLogged['data']): void {
  // The record doubles as the "already applied" marker, so a redelivery adds nothing.
  if (docs.get<RecordDoc>(C.records, data.consumptionId)) return;
  const id = balanceId(data.contractId, data.entitlementId);
  const balance = docs.get<BalanceDoc>(C.balances, id);
  const quantity = recordedMillionths(data.quantity);
  const record: RecordDoc = {
    consumptionId: data.consumptionId,
    contractId: data.contractId,
    entitlementId: data.entitlementId,
    category: data.category,
    service: balance?.service ?? '',
    unit: data.unit,
    quantityMillionths: quantity,
    deliveredOn: data.deliveredOn,
    reference: data.reference,
    workspaceId: data.workspaceId ?? null,
    deliveredHours: data.deliveredHours ?? null,
    source: data.source,
    reversed: false,
  };
  docs.put(C.records, data.consumptionId, record);
  const burnId = dailyBurnId(data.contractId, data.entitlementId, data.deliveredOn);
  const burn = docs.get<DailyBurnDoc>(C.dailyBurn, burnId);
  docs.put(C.dailyBurn, burnId, {
    contractId: data.contractId,
    entitlementId: data.entitlementId,
    deliveredOn: data.deliveredOn,
    loggedMillionths: (burn?.loggedMillionths ?? 0) + quantity,
  });
  if (balance)
    docs.put(C.balances, id, {
      ...balance,
      consumedMillionths: balance.consumedMillionths + quantity,
    });
}

function consumptionReversed(docs: ProjectionDocs, data: ConsumptionReversed['data']): void {
  const record = docs.get<RecordDoc>(C.records, data.consumptionId);
  // Reversal nets the record out once; a second delivery of it changes nothing.
  if (!record || record.reversed) return;
  docs.put(C.records, data.consumptionId, { ...record, reversed: true });
  const id = balanceId(record.contractId, record.entitlementId);
  const balance = docs.get<BalanceDoc>(C.balances, id);
  if (balance)
    docs.put(C.balances, id, {
      ...balance,
      consumedMillionths: balance.consumedMillionths - record.quantityMillionths,
    });
}

const workspaces = new WorkspaceMappings(C.workspaces, 'contractIds');

function evolve(docs: ProjectionDocs, event: RecordedOf<CustomerActivityEvent>): void {
  switch (event.type) {
    case 'ContractAdded':
      return contractAdded(docs, event.data);
    case 'WorkspaceCreated':
      return workspaces.created(docs, event.data.workspaceId, event.data.agreementId);
    case 'ContractMappedToWorkspace':
      return workspaces.mapped(docs, event.data.workspaceId, event.data.contractId);
    case 'ConsumptionLogged':
      if (isPackageRecord(event.data)) return;
      return consumptionLogged(docs, event.data);
    case 'ConsumptionReversed':
      if (isPackageRecord(event.data)) return;
      return consumptionReversed(docs, event.data);
  }
}

/**
 * Customer Activity's enterprise-wide section (domain.md §4): contracts with their periods,
 * one balance per consumable contract line, every consumption record, and which contracts
 * each workspace sees.
 */
export const customerActivityProjection: Projection<CustomerActivityEvent> = {
  name: 'customer-activity',
  // 3: daily burn per line (the forecast read every record of its 90 days on each query).
  version: 4,
  handles: [
    'ContractAdded',
    'WorkspaceCreated',
    'ContractMappedToWorkspace',
    'ConsumptionLogged',
    'ConsumptionReversed',
  ],
  collections: [
    { name: C.contracts, indexes: [['agreementId']] },
    { name: C.balances, indexes: [['contractId', 'category']] },
    {
      name: C.records,
      indexes: [
        ['contractId', 'category', 'deliveredOn'],
        ['contractId', 'reversed', 'deliveredOn'],
      ],
    },
    { name: C.dailyBurn, indexes: [['contractId', 'deliveredOn']] },
    { name: C.workspaces, indexes: [['agreementId']] },
  ],
  locate,
  evolve,
};
