import { NotFoundError, ValidationError } from '@hub/domain';
import { fromMillionths } from '@hub/domain/contracts/entitlement';
import { ProjectionView } from '@hub/projection/projection-runner';
import { ActivityScope, mayShowRecordOrigin } from '../customer-activity/customer-activity.access';
import { RecordRow } from '../customer-activity/customer-activity.drilldown';
import { ActivitySelection, MAX_PAGE } from '../customer-activity/customer-activity.params';
import { ADDON_COLLECTIONS as C, PackageDoc, PackageRecordDoc } from './addon-balances.documents';
import { scopedPackages } from './addon-balances.queries';

/**
 * GET /v1/customer-activity/addon-packages/{packageId}/records: every consumption record against
 * the package's lines, newest delivery first, as the drill-down grids show them (domain.md §4).
 * A package outside the caller's workspaces is 404.
 */
export async function packageRecords(
  view: ProjectionView,
  scope: ActivityScope,
  selection: ActivitySelection,
  packageId: string,
  page: { limit: number; cursor?: string },
): Promise<{ packageId: string; records: RecordRow[]; nextCursor: string | null }> {
  const packages = await scopedPackages(view, scope, selection);
  const found = packages.find((doc: PackageDoc) => doc.packageId === packageId);
  if (!found) throw new NotFoundError(`Package ${packageId} not found`);
  const services = new Map(found.consumables.map((line) => [line.entitlementId, line.service]));
  let result;
  try {
    result = await view.store.find<PackageRecordDoc>(view.collection(C.records), {
      filter: { packageId },
      sort: [{ field: 'deliveredOn', direction: 'desc' }],
      limit: page.limit,
      cursor: page.cursor,
    });
  } catch (error) {
    if (page.cursor === undefined) throw error;
    throw new ValidationError('cursor is not valid', {
      cursor: ['must be a nextCursor from a previous page'],
    });
  }
  const records = result.items.map((record): RecordRow => {
    const shown = mayShowRecordOrigin(scope, record.workspaceId ?? null);
    return {
      consumptionId: record.consumptionId,
      contractId: record.contractId ?? found.contractId,
      entitlementId: record.entitlementId,
      service: services.get(record.entitlementId) ?? '',
      deliveredOn: record.deliveredOn,
      quantity: fromMillionths(record.quantityMillionths),
      unit: record.unit ?? '',
      reference: shown ? (record.reference ?? null) : null,
      workspaceId: shown ? (record.workspaceId ?? null) : null,
      deliveredHours: record.deliveredHours ?? null,
      source: record.source ?? '',
      reversed: record.reversed,
    };
  });
  return { packageId, records, nextCursor: result.nextCursor ?? null };
}

/** Every record of the package, page by page (the CSV export is not paged). */
export async function allPackageRecords(
  view: ProjectionView,
  scope: ActivityScope,
  selection: ActivitySelection,
  packageId: string,
): Promise<RecordRow[]> {
  const records: RecordRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await packageRecords(view, scope, selection, packageId, {
      limit: MAX_PAGE,
      cursor,
    });
    records.push(...page.records);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return records;
}
