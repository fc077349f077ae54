import { NotFoundError } from '@hub/domain';
import { EntitlementCategory, fromMillionths } from '@hub/domain/contracts/entitlement';
import { ProjectionView } from '@hub/projection/projection-runner';
import { findAll } from '../access/access.queries';
import { ActivityScope, coveredWorkspaces } from './customer-activity.access';
import {
  ACTIVITY_COLLECTIONS as C,
  BalanceDoc,
  ContractDoc,
  WorkspaceMappingDoc,
} from './customer-activity.documents';
import { ActivitySelection, CATEGORIES } from './customer-activity.params';
import { Forecast, burnedByLine, forecastOf, lineKey } from './customer-activity.forecast';

/** What a forecast reads: each line's burn in the window, the day, each contract's last day. */
export interface ForecastBasis {
  burned: Map<string, number>;
  day: string;
  endsOn: Map<string, string>;
}

export async function forecastBasis(
  view: ProjectionView,
  contracts: readonly ContractDoc[],
  day: string,
): Promise<ForecastBasis> {
  const burned = await burnedByLine(view, contracts, day);
  return { burned, day, endsOn: new Map(contracts.map((c) => [c.contractId, c.endsOn])) };
}

/** The forecast of lines taken together (a tile sums its lines; it ends with its last contract). */
function forecastOfLines(
  lines: readonly BalanceDoc[],
  amounts: Amounts,
  basis: ForecastBasis,
): Forecast {
  const burned = lines.reduce(
    (sum, line) => sum + (basis.burned.get(lineKey(line.contractId, line.entitlementId)) ?? 0),
    0,
  );
  const ends = lines.map((line) => basis.endsOn.get(line.contractId) ?? basis.day).sort();
  return forecastOf(amounts.remaining, burned, basis.day, ends[ends.length - 1] ?? basis.day);
}

/** `upcoming` before its start, `active` from its start to its end day inclusive, `expired` after. */
export type ContractStatus = 'active' | 'expired' | 'upcoming';

export function contractStatus(contract: ContractDoc, day: string): ContractStatus {
  if (day < contract.startsOn) return 'upcoming';
  return day > contract.endsOn ? 'expired' : 'active';
}

/** A balance as the API shows it; `remaining` never goes below 0, the excess is `overage`. */
export interface Amounts {
  total: number;
  consumed: number;
  remaining: number;
  overage: number;
}

/** Sums per line, so one line's overage never hides another line's remaining balance. */
export function amountsOf(lines: readonly BalanceDoc[]): Amounts {
  let total = 0;
  let consumed = 0;
  let remaining = 0;
  let overage = 0;
  for (const line of lines) {
    total += line.totalMillionths;
    consumed += line.consumedMillionths;
    remaining += Math.max(0, line.totalMillionths - line.consumedMillionths);
    overage += Math.max(0, line.consumedMillionths - line.totalMillionths);
  }
  return {
    total: fromMillionths(total),
    consumed: fromMillionths(consumed),
    remaining: fromMillionths(remaining),
    overage: fromMillionths(overage),
  };
}

/**
 * The contracts mapped into the covered workspaces (each once, however many workspaces map
 * it), narrowed to `contractId` when given. A contract outside them is 404.
 */
export async function scopedContracts(
  view: ProjectionView,
  scope: ActivityScope,
  selection: ActivitySelection,
): Promise<ContractDoc[]> {
  const covered = coveredWorkspaces(scope, selection.workspaceId);
  let contracts: ContractDoc[];
  if (covered.every) contracts = await findAll<ContractDoc>(view, C.contracts, {});
  else {
    const mappings = await view.store.getMany<WorkspaceMappingDoc>(
      view.collection(C.workspaces),
      covered.workspaceIds,
    );
    // Provider staff name any workspace; it must exist all the same.
    if (scope.all && mappings.length === 0)
      throw new NotFoundError(`Workspace ${selection.workspaceId} not found`);
    const ids = [...new Set(mappings.flatMap((mapping) => mapping.contractIds))];
    contracts = await view.store.getMany<ContractDoc>(view.collection(C.contracts), ids);
  }
  if (selection.contractId !== undefined) {
    contracts = contracts.filter((contract) => contract.contractId === selection.contractId);
    if (contracts.length === 0)
      throw new NotFoundError(`Contract ${selection.contractId} not found`);
  } else {
    // By default the figures cover the contracts active on the evaluation day (domain.md §4):
    // an expired contract's balance is never added to an active one; it is shown only when
    // asked for by contractId.
    contracts = contracts.filter(
      (contract) => contractStatus(contract, selection.day) === 'active',
    );
  }
  return contracts.sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || a.contractId.localeCompare(b.contractId),
  );
}

export function balancesOf(
  view: ProjectionView,
  contracts: readonly ContractDoc[],
  categories: readonly EntitlementCategory[] = CATEGORIES,
): Promise<BalanceDoc[]> {
  if (contracts.length === 0) return Promise.resolve([]);
  return findAll<BalanceDoc>(view, C.balances, {
    contractId: { $in: contracts.map((contract) => contract.contractId) },
    category: { $in: [...categories] },
  });
}

/** One tile of the enterprise-wide section: a category in one unit. */
export interface CategoryRow extends Amounts, Forecast {
  category: EntitlementCategory | 'as-needed';
  unit: string;
  /** Only for an expired contract asked for by contractId: what was left when it ended. */
  forfeited?: number;
}

/** An expired contract's balance is forfeited, never remaining (domain.md §4). */
function asForfeited(row: CategoryRow): CategoryRow {
  return { ...row, remaining: 0, forfeited: row.remaining };
}

function rowsByCategoryAndUnit(
  balances: readonly BalanceDoc[],
  categoryOf: (line: BalanceDoc) => CategoryRow['category'],
  basis: ForecastBasis,
): CategoryRow[] {
  const groups = new Map<string, BalanceDoc[]>();
  for (const line of balances) {
    const key = `${categoryOf(line)}\u0000${line.unit}`;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  return [...groups.entries()].map(([key, lines]) => {
    const [category, unit] = key.split('\u0000') as [CategoryRow['category'], string];
    const amounts = amountsOf(lines);
    return { category, unit, ...amounts, ...forecastOfLines(lines, amounts, basis) };
  });
}

/** GET /v1/customer-activity: the contracts in view and consumption per category and unit. */
export interface ActivitySummary {
  contracts: { contractId: string; startsOn: string; endsOn: string; status: ContractStatus }[];
  categories: CategoryRow[];
  /** "As-needed support" (domain.md §2): reactive and advisory summed, per unit. */
  asNeeded: CategoryRow[];
  /** The benefit lines of the contracts in view: listed, never tracked (domain.md §4). */
  benefits: {
    contractId: string;
    entitlementId: string;
    category: string;
    service: string;
    description: string;
  }[];
}

export async function activitySummary(
  view: ProjectionView,
  scope: ActivityScope,
  selection: ActivitySelection,
): Promise<ActivitySummary> {
  const contracts = await scopedContracts(view, scope, selection);
  const balances = await balancesOf(view, contracts);
  const basis = await forecastBasis(view, contracts, selection.day);
  // Only a contract asked for by id can be out of the active ones (scopedContracts).
  const expired =
    contracts.length > 0 &&
    contracts.every((contract) => contractStatus(contract, selection.day) === 'expired');
  const order = (row: CategoryRow) => CATEGORIES.indexOf(row.category as EntitlementCategory);
  const categories = rowsByCategoryAndUnit(balances, (line) => line.category, basis).sort(
    (a, b) => order(a) - order(b) || a.unit.localeCompare(b.unit),
  );
  const asNeeded = rowsByCategoryAndUnit(
    balances.filter((line) => line.category === 'reactive' || line.category === 'advisory'),
    () => 'as-needed',
    basis,
  ).sort((a, b) => a.unit.localeCompare(b.unit));
  return {
    ...(expired
      ? { categories: categories.map(asForfeited), asNeeded: asNeeded.map(asForfeited) }
      : { categories, asNeeded }),
    contracts: contracts.map((contract) => ({
      contractId: contract.contractId,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
      status: contractStatus(contract, selection.day),
    })),
    benefits: contracts.flatMap((contract) =>
      (contract.benefits ?? []).map(({ entitlementId, category, service, description }) => ({
        contractId: contract.contractId,
        entitlementId,
        category,
        service,
        description,
      })),
    ),
  };
}

/** One entitlement line of a drill-down, with its balance. */
export interface EntitlementRow extends Amounts, Partial<Forecast> {
  contractId: string;
  entitlementId: string;
  category: EntitlementCategory;
  service: string;
  description: string;
  unit: string;
}

/** A drill-down's lines, each with its forecast when `basis` is given (the CSV export has none). */
export function entitlementRows(
  balances: readonly BalanceDoc[],
  basis?: ForecastBasis,
): EntitlementRow[] {
  return balances
    .map((line) => ({
      contractId: line.contractId,
      entitlementId: line.entitlementId,
      category: line.category,
      service: line.service,
      description: line.description,
      unit: line.unit,
      ...amountsOf([line]),
      ...(basis ? forecastOfLines([line], amountsOf([line]), basis) : {}),
    }))
    .sort(
      (a, b) =>
        a.contractId.localeCompare(b.contractId) ||
        a.service.localeCompare(b.service) ||
        a.entitlementId.localeCompare(b.entitlementId),
    );
}
