import { ContractId, DomainEvent, PackageId } from '../shared';
import { TermNoticeDays, dayTermEndsAt } from '../contracts/contract-term.events';

/** Days before a package's end when its people are told (domain.md §9). */
export type PackageNoticeDays = TermNoticeDays;

/** A package is `daysLeft` days from its end (recorded by the hub's clock). */
export type PackageExpiring = DomainEvent<
  'PackageExpiring',
  {
    packageId: PackageId;
    contractId: ContractId;
    daysLeft: PackageNoticeDays;
    expiresOn: string;
    noticedAt: string;
  }
>;

/** The package's last day passed: it is inactive from then on. */
export type PackageExpired = DomainEvent<
  'PackageExpired',
  { packageId: PackageId; contractId: ContractId; expiresOn: string; expiredAt: string }
>;

/** The hub's clock: `daysLeft` days remain before the package expiring on `expiresOn` ends. */
export interface NoticePackageExpiry {
  type: 'NoticePackageExpiry';
  packageId: PackageId;
  daysLeft: PackageNoticeDays;
  expiresOn: string;
  at: string;
}

/** The hub's clock: the package's last day has passed. */
export interface ExpirePackage {
  type: 'ExpirePackage';
  packageId: PackageId;
  expiresOn: string;
  at: string;
}

export type PackageTermEvent = PackageExpiring | PackageExpired;
export type PackageTermCommand = NoticePackageExpiry | ExpirePackage;

/**
 * The instant a package whose last active day is `expiresOn` ends (the next day's midnight,
 * UTC), less `daysBefore` days: the due times of its notices and of its expiry.
 */
export function packageEndsAt(expiresOn: string, daysBefore = 0): string {
  return dayTermEndsAt(expiresOn, daysBefore);
}
