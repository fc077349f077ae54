import { EntitlementCategory } from '@hub/domain/contracts/entitlement';
import { ConsumptionReference } from '@hub/domain/consumption/consumption.events';
import { WorkspaceMappedDoc } from './workspace-mappings';

/** A contract with its period; its status is evaluated at query time (evolve knows no "today"). */
export interface ContractDoc {
  [key: string]: unknown;
  contractId: string;
  agreementId: string;
  startsOn: string;
  endsOn: string;
  /** Lines listed on the contract, never tracked (domain.md §4: benefits are listed too). */
  benefits: ContractBenefit[];
}

/** A benefit line of a contract. */
export interface ContractBenefit {
  [key: string]: unknown;
  entitlementId: string;
  category: EntitlementCategory;
  service: string;
  description: string;
}

/**
 * One enterprise-wide consumable entitlement line of a contract and its running balance.
 * Quantities are integer millionths so sums never drift (0.1 + 0.2 stays 0.3).
 */
export interface BalanceDoc {
  [key: string]: unknown;
  contractId: string;
  agreementId: string;
  entitlementId: string;
  category: EntitlementCategory;
  service: string;
  description: string;
  unit: string;
  totalMillionths: number;
  /** Net of reversals. */
  consumedMillionths: number;
}

/** One consumption record against an enterprise-wide line; a reversal marks it, never removes it. */
export interface RecordDoc {
  [key: string]: unknown;
  consumptionId: string;
  contractId: string;
  entitlementId: string;
  category: EntitlementCategory;
  service: string;
  unit: string;
  quantityMillionths: number;
  deliveredOn: string;
  reference: ConsumptionReference;
  /** The workspace it was delivered for, when the reporting system named one. */
  workspaceId: string | null;
  /** Proactive deliveries: the hours the service took (null when not reported). */
  deliveredHours: number | null;
  source: string;
  reversed: boolean;
}

/**
 * What was logged against one line on one delivery day, reversed records included (they are
 * netted out at query time, from the records marked reversed). The burn-rate forecast sums at
 * most 90 of these per line instead of every record of the window.
 */
export interface DailyBurnDoc {
  [key: string]: unknown;
  contractId: string;
  entitlementId: string;
  deliveredOn: string;
  loggedMillionths: number;
}

/** The contracts mapped into a workspace (this view's own copy, see workspace-mappings.ts). */
export type WorkspaceMappingDoc = WorkspaceMappedDoc<'contractIds'>;

export const ACTIVITY_COLLECTIONS = {
  contracts: 'contracts',
  balances: 'balances',
  records: 'records',
  dailyBurn: 'daily_burn',
  workspaces: 'workspace_mappings',
} as const;

/** A contract line's balance id: entitlement ids are unique within their contract only. */
export function balanceId(contractId: string, entitlementId: string): string {
  return `${contractId}/${entitlementId}`;
}

/** A line's daily burn id. */
export function dailyBurnId(contractId: string, entitlementId: string, day: string): string {
  return `${balanceId(contractId, entitlementId)}/${day}`;
}
