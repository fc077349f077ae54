import { ContractId, DomainEvent, EntitlementId, PackageId } from '../shared';

/** The shares of a consumable line at which its people are warned (domain.md §9). */
export type BalanceWarningPercent = 75 | 90;

/** The line the clock's balance facts are about: a contract's, or a package's on it. */
interface BalanceLine {
  contractId: ContractId;
  packageId?: PackageId;
  entitlementId: EntitlementId;
  /** The line's quantity and what was consumed of it when the fact was recorded. */
  total: number;
  consumed: number;
}

/** An entitlement line reached `percent` consumed (recorded by the hub's clock). */
export type BalanceWarned = DomainEvent<
  'BalanceWarned',
  BalanceLine & { percent: BalanceWarningPercent; warnedAt: string }
>;

/** An entitlement line is fully consumed: what follows is overage. */
export type BalanceExhausted = DomainEvent<
  'BalanceExhausted',
  BalanceLine & { exhaustedAt: string }
>;

/**
 * The hub's clock: look whether the line crossed a warning share or ran out, as the ledger
 * stands when the due time fires (a reversal before then makes it moot). `total` is the line's
 * quantity as the workflow read it from the contract or package.
 */
export interface CheckBalance {
  type: 'CheckBalance';
  contractId: ContractId;
  packageId?: PackageId;
  entitlementId: EntitlementId;
  total: number;
  at: string;
}

export type BalanceEvent = BalanceWarned | BalanceExhausted;
