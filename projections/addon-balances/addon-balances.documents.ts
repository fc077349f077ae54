import { ConsumptionReference } from '@hub/domain/consumption/consumption.events';
import { EntitlementCategory } from '@hub/domain/contracts/entitlement';
import { WorkspaceMappedDoc } from '../customer-activity/workspace-mappings';

/** A consumable line of a package and its running balance, in integer millionths. */
export interface PackageLine {
  entitlementId: string;
  category: EntitlementCategory;
  service: string;
  description: string;
  unit: string;
  totalMillionths: number;
  /** Net of reversals. */
  consumedMillionths: number;
  [key: string]: unknown;
}

/** A benefit line: listed on the package, never tracked (domain.md §2). */
export interface PackageBenefit {
  entitlementId: string;
  service: string;
  description: string;
  [key: string]: unknown;
}

/**
 * An add-on package with its lines and balances. Its state (active or inactive) is evaluated
 * at query time from `expiresOn` and `withdrawn`: evolve knows no "today".
 */
export interface PackageDoc {
  [key: string]: unknown;
  packageId: string;
  contractId: string;
  agreementId: string;
  name: string;
  /** Last day the package is active. */
  expiresOn: string;
  withdrawn: boolean;
  withdrawnAt: string | null;
  consumables: PackageLine[];
  benefits: PackageBenefit[];
}

/** One consumption record against a package: what a reversal nets out, and a redelivery guard. */
export interface PackageRecordDoc {
  [key: string]: unknown;
  consumptionId: string;
  packageId: string;
  entitlementId: string;
  quantityMillionths: number;
  deliveredOn: string;
  reversed: boolean;
  /** The grid's fields (domain.md §4, add-on package drill-down). */
  contractId: string;
  unit: string;
  reference: ConsumptionReference;
  workspaceId: string | null;
  deliveredHours: number | null;
  source: string;
}

/** The packages mapped into a workspace (this view's own copy, see workspace-mappings.ts). */
export type WorkspacePackagesDoc = WorkspaceMappedDoc<'packageIds'>;

export const ADDON_COLLECTIONS = {
  packages: 'packages',
  records: 'records',
  workspaces: 'workspace_mappings',
} as const;
