import { fromMillionths } from '@hub/domain/contracts/entitlement';
import { ProjectionView } from '@hub/projection/projection-runner';
import { findAll } from '../access/access.queries';
import {
  ACTIVITY_COLLECTIONS as C,
  ContractDoc,
  DailyBurnDoc,
  RecordDoc,
} from './customer-activity.documents';

/** Consumption is averaged over this many trailing days (domain.md §9 "Forecast"). */
export const BURN_WINDOW_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A consumable line's forecast, as of the evaluation day. */
export interface Forecast {
  /** Units per day over the trailing 90 days up to and including the evaluation day. */
  burnRatePerDay: number;
  /** The day the balance runs out if consumption continues at that rate (null: it does not). */
  exhaustsOn: string | null;
  /** Whether that day comes before the line's contract (or package) has ended. */
  exhaustsBeforeEnd: boolean;
}

/** The day `days` after day `day` (both `YYYY-MM-DD`, UTC). */
export function addDaysTo(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The forecast of a balance with `remaining` units left, `burned` units consumed in the window,
 * evaluated on `day`, for a line whose term ends after its last day `endsOn`. An exhausted line
 * ran out on the evaluation day at the latest.
 */
export function forecastOf(
  remaining: number,
  burned: number,
  day: string,
  endsOn: string,
): Forecast {
  const burnRatePerDay = Math.round((burned / BURN_WINDOW_DAYS) * 10_000) / 10_000;
  if (remaining <= 0) return { burnRatePerDay, exhaustsOn: day, exhaustsBeforeEnd: day <= endsOn };
  if (burned <= 0) return { burnRatePerDay, exhaustsOn: null, exhaustsBeforeEnd: false };
  // remaining ÷ (burned ÷ window), multiplied first so whole figures stay exact.
  const exhaustsOn = addDaysTo(day, Math.ceil((remaining * BURN_WINDOW_DAYS) / burned));
  return { burnRatePerDay, exhaustsOn, exhaustsBeforeEnd: exhaustsOn <= endsOn };
}

/** Key of a line's burn: its contract and entitlement. */
export const lineKey = (contractId: string, entitlementId: string) =>
  `${contractId}\u0000${entitlementId}`;

/**
 * Units consumed per line (net of reversed records) in the 90 days up to and including `day`,
 * summed at query time (the evaluation day is the clock's, or `asOfDate`, so the projection
 * holds no time-dependent value): what each delivery day logged, less the records of the
 * window that were reversed (rare, and found by an index).
 */
export async function burnedByLine(
  view: ProjectionView,
  contracts: readonly ContractDoc[],
  day: string,
): Promise<Map<string, number>> {
  const burned = new Map<string, number>();
  if (contracts.length === 0) return burned;
  const window = {
    contractId: { $in: contracts.map((contract) => contract.contractId) },
    deliveredOn: { $gt: addDaysTo(day, -BURN_WINDOW_DAYS), $lte: day },
  };
  const add = (contractId: string, entitlementId: string, millionths: number) => {
    const key = lineKey(contractId, entitlementId);
    burned.set(key, (burned.get(key) ?? 0) + millionths);
  };
  for (const burn of await findAll<DailyBurnDoc>(view, C.dailyBurn, window))
    add(burn.contractId, burn.entitlementId, burn.loggedMillionths);
  for (const record of await findAll<RecordDoc>(view, C.records, { ...window, reversed: true }))
    add(record.contractId, record.entitlementId, -record.quantityMillionths);
  for (const [key, millionths] of burned) burned.set(key, fromMillionths(millionths));
  return burned;
}
