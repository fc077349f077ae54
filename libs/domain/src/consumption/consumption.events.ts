import {
  ConsumptionId,
  ContractId,
  DomainEvent,
  EntitlementId,
  PackageId,
  WorkspaceId,
} from '../shared';
import { EntitlementCategory } from '../contracts/entitlement';
import { BalanceEvent } from './balance.events';

/** What a consumption record was for: a case, an engagement, a course… */
export interface ConsumptionReference {
  kind: string;
  id: string;
}

/** An internal service (or CSAM) reported units of one consumable entitlement delivered. */
export type ConsumptionLogged = DomainEvent<
  'ConsumptionLogged',
  {
    consumptionId: ConsumptionId;
    contractId: ContractId;
    packageId?: PackageId;
    entitlementId: EntitlementId;
    /** The entitlement's Customer Activity tile, copied so read models need no join. */
    category: EntitlementCategory;
    unit: string;
    quantity: number;
    /** Day `YYYY-MM-DD`. */
    deliveredOn: string;
    reference: ConsumptionReference;
    workspaceId?: WorkspaceId;
    /** Proactive lines: the hours the service took, whatever the unit. */
    deliveredHours?: number;
    /** The reporting system, e.g. `delivery-service`. */
    source: string;
    /** How much of this record exceeds the balance left before it (0 when within). */
    overage: number;
    loggedAt: string;
  }
>;

/** A consumption record was cancelled by a reversal; its quantity counts no more. */
export type ConsumptionReversed = DomainEvent<
  'ConsumptionReversed',
  {
    consumptionId: ConsumptionId;
    contractId: ContractId;
    packageId?: PackageId;
    entitlementId: EntitlementId;
    quantity: number;
    reason: string;
    reversedAt: string;
  }
>;

/** Every fact of a `ledger-<contractId>` stream. */
export type ConsumptionEvent = ConsumptionLogged | ConsumptionReversed | BalanceEvent;
