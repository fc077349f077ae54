import { toHundredths } from '../contracts/entitlement';
import { BalanceEvent, BalanceWarningPercent, CheckBalance } from './balance.events';

/** The shares recorded per line: 75 and 90 warn, 100 is exhausted (domain.md §9). */
export const BALANCE_SHARES = [75, 90, 100] as const;

/** What the ledger knows of a line's balance facts: its consumed hundredths, shares recorded. */
export interface LineBalance {
  consumedHundredths: number;
  recorded: readonly number[];
}

/** The shares of `total` that `consumedHundredths` reached and that were not yet recorded. */
export function sharesReached(
  total: number,
  consumedHundredths: number,
  recorded: readonly number[],
): number[] {
  const totalHundredths = toHundredths(total) ?? 0;
  if (totalHundredths <= 0) return [];
  return BALANCE_SHARES.filter(
    (share) => consumedHundredths * 100 >= share * totalHundredths && !recorded.includes(share),
  );
}

/**
 * The hub's clock on a line's balance: each share once, as the ledger stands now (a reversal
 * that brought the line back below records nothing).
 */
export function decideBalance(command: CheckBalance, line: LineBalance): BalanceEvent[] {
  const { contractId, packageId, entitlementId, total, at } = command;
  const consumed = line.consumedHundredths / 100;
  const base = {
    contractId,
    ...(packageId !== undefined ? { packageId } : {}),
    entitlementId,
    total,
    consumed,
  };
  return sharesReached(total, line.consumedHundredths, line.recorded).map((share): BalanceEvent =>
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
