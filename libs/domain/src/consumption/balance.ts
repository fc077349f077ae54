import { EntitlementId, PackageId } from '../shared';
import { EntitlementLine, fromMillionths, recordedMillionths } from '../contracts/entitlement';
import { BalanceEvent, BalanceWarningPercent, CheckBalance } from './balance.events';

/** Contract and package lines may reuse an entitlement id, so a line is keyed by both. */
export function lineKey(packageId: PackageId | undefined, entitlementId: EntitlementId): string {
  return `${packageId ?? ''}/${entitlementId}`;
}

/** The shares recorded per line: 75 and 90 warn, 100 is exhausted (domain.md §9). */
export const BALANCE_SHARES = [75, 90, 100] as const;

/** What the ledger knows of a line's balance facts: its consumed millionths, shares recorded. */
export interface LineBalance {
  consumedMillionths: number;
  recorded: readonly number[];
}

/** The shares of `total` that `consumedMillionths` reached and that were not yet recorded. */
export function sharesReached(
  total: number,
  consumedMillionths: number,
  recorded: readonly number[],
): number[] {
  const totalMillionths = recordedMillionths(total);
  if (totalMillionths <= 0) return [];
  return BALANCE_SHARES.filter(
    // BigInt: a line's millionths times 100 may pass 2^53 once it holds enough records.
    (share) =>
      BigInt(consumedMillionths) * 100n >= BigInt(share) * BigInt(totalMillionths) &&
      !recorded.includes(share),
  );
}

/**
 * The hub's clock on a line's balance: each share once, as the ledger stands now (a reversal
 * that brought the line back below records nothing).
 */
export function decideBalance(command: CheckBalance, line: LineBalance): BalanceEvent[] {
  const { contractId, packageId, entitlementId, total, at } = command;
  const consumed = fromMillionths(line.consumedMillionths);
  const base = {
    contractId,
    ...(packageId !== undefined ? { packageId } : {}),
    entitlementId,
    total,
    consumed,
  };
  return sharesReached(total, line.consumedMillionths, line.recorded).map((share): BalanceEvent =>
    share === 100
      ? { type: 'BalanceExhausted', data: { ...base, exhaustedAt: at } }
      : {
          type: 'BalanceWarned',
          data: { ...base, percent: share as BalanceWarningPercent, warnedAt: at },
        },
  );
}

/** The share a balance fact records. */
export function shareOf(event: BalanceEvent): number {
  return event.type === 'BalanceExhausted' ? 100 : event.data.percent;
}

/** A line's quantity beside what the ledger knows of it (null: no such line). */
export function lineBalanceOf(
  lines: readonly EntitlementLine[],
  ledger: {
    consumed: Readonly<Record<string, number>>;
    balanceShares?: Readonly<Record<string, readonly number[]>>;
  },
  packageId: PackageId | undefined,
  entitlementId: EntitlementId,
): (LineBalance & { total: number }) | null {
  const line = lines.find((candidate) => candidate.entitlementId === entitlementId);
  if (!line) return null;
  const key = lineKey(packageId, entitlementId);
  return {
    total: line.quantity,
    consumedMillionths: ledger.consumed[key] ?? 0,
    recorded: ledger.balanceShares?.[key] ?? [],
  };
}
