import { NotFoundError } from '@hub/domain';
import { Filter } from '@hub/read-store';
import { fromMillionths } from '@hub/domain/contracts/entitlement';
import { ProjectionView } from '@hub/projection/projection-runner';
import { findAll } from '../access/access.queries';
import { ActivityScope, coveredWorkspaces } from '../customer-activity/customer-activity.access';
import {
  BURN_WINDOW_DAYS,
  Forecast,
  addDaysTo,
  forecastOf,
  lineKey,
} from '../customer-activity/customer-activity.forecast';
import { ActivitySelection } from '../customer-activity/customer-activity.params';
import {
  ADDON_COLLECTIONS as C,
  PackageDoc,
  PackageRecordDoc,
  WorkspacePackagesDoc,
} from './addon-balances.documents';

/** `inactive` once withdrawn or past its expiry day (domain.md §2); `active` otherwise. */
export type PackageState = 'active' | 'inactive';

export function packageState(doc: PackageDoc, day: string): PackageState {
  return doc.withdrawn || day > doc.expiresOn ? 'inactive' : 'active';
}

/** One consumable line of a package as the API shows it; the excess past total is `overage`. */
export interface ConsumableRow extends Forecast {
  entitlementId: string;
  category: string;
  service: string;
  description: string;
  unit: string;
  total: number;
  consumed: number;
  remaining: number;
  overage: number;
}

export interface PackageRow {
  packageId: string;
  contractId: string;
  name: string;
  expiresOn: string;
  state: PackageState;
  withdrawnAt: string | null;
  consumables: ConsumableRow[];
  benefits: { entitlementId: string; service: string; description: string }[];
}

/** Filters of the add-on packages section: by contract, package and state. */
export interface PackageFilters {
  packageId?: string;
  state?: PackageState;
}

/** The packages mapped into the covered workspaces, each once. */
export async function scopedPackages(
  view: ProjectionView,
  scope: ActivityScope,
  selection: ActivitySelection,
): Promise<PackageDoc[]> {
  const covered = coveredWorkspaces(scope, selection.workspaceId);
  const byContract: Filter =
    selection.contractId !== undefined ? { contractId: selection.contractId } : {};
  if (covered.every) return findAll<PackageDoc>(view, C.packages, byContract);
  const mappings = await view.store.getMany<WorkspacePackagesDoc>(
    view.collection(C.workspaces),
    covered.workspaceIds,
  );
  // Provider staff name any workspace; it must exist all the same.
  if (scope.all && mappings.length === 0)
    throw new NotFoundError(`Workspace ${selection.workspaceId} not found`);
  const ids = [...new Set(mappings.flatMap((mapping) => mapping.packageIds))];
  const packages = await view.store.getMany<PackageDoc>(view.collection(C.packages), ids);
  return packages.filter(
    (doc) => selection.contractId === undefined || doc.contractId === selection.contractId,
  );
}

/** Units consumed per package line (net of reversed records) in the 90 days up to `day`. */
async function burnedByPackageLine(
  view: ProjectionView,
  packageIds: readonly string[],
  day: string,
): Promise<Map<string, number>> {
  const burned = new Map<string, number>();
  if (packageIds.length === 0) return burned;
  const records = await findAll<PackageRecordDoc>(view, C.records, {
    packageId: { $in: [...packageIds] },
    deliveredOn: { $gt: addDaysTo(day, -BURN_WINDOW_DAYS), $lte: day },
  });
  for (const record of records) {
    if (record.reversed) continue;
    const key = lineKey(record.packageId, record.entitlementId);
    burned.set(key, (burned.get(key) ?? 0) + record.quantityMillionths);
  }
  return burned;
}

function packageRow(doc: PackageDoc, day: string, burned: Map<string, number>): PackageRow {
  return {
    packageId: doc.packageId,
    contractId: doc.contractId,
    name: doc.name,
    expiresOn: doc.expiresOn,
    state: packageState(doc, day),
    withdrawnAt: doc.withdrawnAt,
    consumables: doc.consumables.map((line) => ({
      entitlementId: line.entitlementId,
      category: line.category,
      service: line.service,
      description: line.description,
      unit: line.unit,
      total: fromMillionths(line.totalMillionths),
      consumed: fromMillionths(line.consumedMillionths),
      remaining: fromMillionths(Math.max(0, line.totalMillionths - line.consumedMillionths)),
      overage: fromMillionths(Math.max(0, line.consumedMillionths - line.totalMillionths)),
      // A package's line ends with the package (its last day).
      ...forecastOf(
        fromMillionths(Math.max(0, line.totalMillionths - line.consumedMillionths)),
        fromMillionths(burned.get(lineKey(doc.packageId, line.entitlementId)) ?? 0),
        day,
        doc.expiresOn,
      ),
    })),
    benefits: doc.benefits.map(({ entitlementId, service, description }) => ({
      entitlementId,
      service,
      description,
    })),
  };
}

/** GET /v1/customer-activity/addon-packages: packages in view, soonest expiry first. */
export async function addonPackages(
  view: ProjectionView,
  scope: ActivityScope,
  selection: ActivitySelection,
  filters: PackageFilters,
): Promise<{ packages: PackageRow[] }> {
  const docs = (await scopedPackages(view, scope, selection)).filter(
    (doc) => filters.packageId === undefined || doc.packageId === filters.packageId,
  );
  const burned = await burnedByPackageLine(
    view,
    docs.map((doc) => doc.packageId),
    selection.day,
  );
  const packages = docs
    .map((doc) => packageRow(doc, selection.day, burned))
    .filter((row) => filters.state === undefined || row.state === filters.state)
    .sort(
      (a, b) =>
        a.expiresOn.localeCompare(b.expiresOn) ||
        a.name.localeCompare(b.name) ||
        a.packageId.localeCompare(b.packageId),
    );
  return { packages };
}
