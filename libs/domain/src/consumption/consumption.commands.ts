import { ConsumptionId, ContractId, EntitlementId, PackageId, WorkspaceId } from '../shared';
import { EntitlementLine } from '../contracts/entitlement';
import { ConsumptionReference } from './consumption.events';
import { CheckBalance } from './balance.events';

/** A package as the handler read it from its stream, for LogConsumption. */
export interface PackageLookup {
  packageId: PackageId;
  /** Day `YYYY-MM-DD`; consumption delivered after it is refused. */
  expiresOn: string;
  withdrawn: boolean;
  entitlements: EntitlementLine[];
}

/** Record delivered units (POST /v1/consumption, or the ConsumptionDelivered message). */
export interface LogConsumption {
  type: 'LogConsumption';
  /** The idempotency key: the same id again records nothing. */
  consumptionId: ConsumptionId;
  contractId: ContractId;
  packageId?: PackageId;
  entitlementId: EntitlementId;
  /** Positive, at most 1,000,000, with at most six decimal places (domain.md §2). */
  quantity: number;
  /** Day `YYYY-MM-DD`. */
  deliveredOn: string;
  reference: ConsumptionReference;
  workspaceId?: WorkspaceId;
  /** Proactive lines only: the hours the service took, whatever its unit (domain.md §2). */
  deliveredHours?: number;
  source: string;
  /** The contract's entitlement lines as the handler read them; null when the contract is unknown. */
  contractEntitlements: EntitlementLine[] | null;
  /** The named package as read by the handler; null when packageId names none. */
  package?: PackageLookup | null;
  /** The contract's dates as the handler read them: deliveries fall within them. */
  contractPeriod?: { startsOn: string; endsOn: string };
  /**
   * The named workspace as the handler read it: whether it is of the contract's agreement and
   * has the contract (or the package) mapped in; null when workspaceId names none.
   */
  workspace?: WorkspaceLookup | null;
  at: string;
}

/** A workspace as LogConsumption needs it. */
export interface WorkspaceLookup {
  /** Of the contract's agreement. */
  sameAgreement: boolean;
  /** The contract, or the named package, is mapped into it. */
  mapped: boolean;
}

/** Cancel a consumption record (POST /v1/consumption/{id}/reversal, or the message). */
export interface ReverseConsumption {
  type: 'ReverseConsumption';
  /** Found by the handler through the `id-consumption-<id>` claim. */
  contractId: ContractId;
  consumptionId: ConsumptionId;
  reason: string;
  at: string;
}

/** Every command the consumption ledger decides. */
export type ConsumptionCommand = LogConsumption | ReverseConsumption | CheckBalance;
