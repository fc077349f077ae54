import { AgreementId, Caller, ContractId, PackageId } from '../shared';
import { EntitlementInput } from '../contracts/entitlement';
import { PackageTermCommand } from './package-term.events';

/** CSAM/AC: add a package to a contract (POST /v1/contracts/{contractId}/packages). */
export interface PurchaseAddOnPackage {
  type: 'PurchaseAddOnPackage';
  packageId: PackageId;
  contractId: ContractId;
  /** The contract's agreement as the handler read it; null when the contract does not exist. */
  contractAgreementId: AgreementId | null;
  name: string;
  /** Day `YYYY-MM-DD`. */
  expiresOn: string;
  /** Non-empty; ids unique, missing ones derived from packageId and position. */
  entitlements: EntitlementInput[];
  at: string;
  by: Caller;
}

/** CSAM/AC: withdraw a package (POST /v1/packages/{packageId}/withdraw). */
export interface WithdrawPackage {
  type: 'WithdrawPackage';
  packageId: PackageId;
  reason: string;
  at: string;
  by: Caller;
}

/** Every command a package decides. */
export type PackageCommand = PurchaseAddOnPackage | WithdrawPackage | PackageTermCommand;
