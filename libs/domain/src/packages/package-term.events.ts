import {
  ClockCommand,
  ContractId,
  NoticeTermEnd,
  PackageId,
  TermExpired,
  TermExpiring,
} from '../shared';
import { TermNoticeDays, dayTermEndsAt } from '../contracts/contract-term.events';

/** Days before a package's end when its people are told (domain.md §9). */
export type PackageNoticeDays = TermNoticeDays;

/** What names a package's term: the package and its last active day (`YYYY-MM-DD`). */
export interface PackageTerm {
  packageId: PackageId;
  expiresOn: string;
}

/** A package's facts also name the contract it extends. */
type PackageOfContract = PackageTerm & { contractId: ContractId };

/** A package is `daysLeft` days from its end (recorded by the hub's clock). */
export type PackageExpiring = TermExpiring<'PackageExpiring', PackageOfContract>;

/** The package's last day passed: it is inactive from then on. */
export type PackageExpired = TermExpired<'PackageExpired', PackageOfContract>;

/** The hub's clock: `daysLeft` days remain before the package expiring on `expiresOn` ends. */
export type NoticePackageExpiry = NoticeTermEnd<'NoticePackageExpiry', PackageTerm>;

/** The hub's clock: the package's last day has passed. */
export type ExpirePackage = ClockCommand<'ExpirePackage', PackageTerm>;

export type PackageTermEvent = PackageExpiring | PackageExpired;
export type PackageTermCommand = NoticePackageExpiry | ExpirePackage;

/**
 * The instant a package whose last active day is `expiresOn` ends (the next day's midnight,
 * UTC), less `daysBefore` days: the due times of its notices and of its expiry.
 */
export function packageEndsAt(expiresOn: string, daysBefore = 0): string {
  return dayTermEndsAt(expiresOn, daysBefore);
}
