import { AgreementId, ContractId, DomainEvent, PackageId } from '../shared';
import { EntitlementLine } from '../contracts/entitlement';
import { PackageTermEvent } from './package-term.events';

/** A CSAM or AC added an add-on ("enhanced solution") package to a contract. */
export type AddOnPackagePurchased = DomainEvent<
  'AddOnPackagePurchased',
  {
    packageId: PackageId;
    contractId: ContractId;
    agreementId: AgreementId;
    name: string;
    /** Last day `YYYY-MM-DD` the package is active. */
    expiresOn: string;
    entitlements: EntitlementLine[];
    purchasedAt: string;
  }
>;

/** A CSAM or AC withdrew the package: it is inactive from now on. */
export type PackageWithdrawn = DomainEvent<
  'PackageWithdrawn',
  { packageId: PackageId; contractId: ContractId; reason: string; withdrawnAt: string }
>;

/** Every fact of a `package-<packageId>` stream. */
export type PackageEvent = AddOnPackagePurchased | PackageWithdrawn | PackageTermEvent;
