import { ValidationError } from '@hub/domain';
import { fromMillionths } from '@hub/domain/contracts/entitlement';
import { ConsumptionReference } from '@hub/domain/consumption/consumption.events';
import { ProjectionView } from '@hub/projection/projection-runner';
import { ActivityScope, mayShowRecordOrigin } from './customer-activity.access';
import { ACTIVITY_COLLECTIONS as C, ContractDoc, RecordDoc } from './customer-activity.documents';
import {
  ActivitySelection,
  DrilldownView,
  MAX_PAGE,
  categoriesOf,
} from './customer-activity.params';
import { amount, toCsv } from './csv';
import {
  EntitlementRow,
  balancesOf,
  entitlementRows,
  forecastBasis,
  scopedContracts,
} from './customer-activity.queries';

/** One row of a drill-down's grid; origin withheld (null) outside the caller's workspaces. */
export interface RecordRow {
  consumptionId: string;
  contractId: string;
  entitlementId: string;
  service: string;
  deliveredOn: string;
  quantity: number;
  unit: string;
  reference: ConsumptionReference | null;
  workspaceId: string | null;
  /** Proactive deliveries: the hours the service took (domain.md §4). */
  deliveredHours: number | null;
  source: string;
  reversed: boolean;
}

export interface DrilldownPage {
  records: RecordRow[];
  nextCursor: string | null;
}

/** The records of `contracts` in the view's categories, newest delivery first, then by id. */
export async function recordsPage(
  view: ProjectionView,
  scope: ActivityScope,
  contracts: readonly ContractDoc[],
  drilldown: DrilldownView,
  page: { limit: number; cursor?: string; unit?: string },
): Promise<DrilldownPage> {
  if (contracts.length === 0) return { records: [], nextCursor: null };
  let found;
  try {
    found = await view.store.find<RecordDoc>(view.collection(C.records), {
      filter: {
        contractId: { $in: contracts.map((contract) => contract.contractId) },
        category: { $in: categoriesOf(drilldown) },
        ...(page.unit !== undefined ? { unit: page.unit } : {}),
      },
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
  return {
    records: found.items.map((record) => recordRow(scope, record)),
    nextCursor: found.nextCursor ?? null,
  };
}

function recordRow(scope: ActivityScope, record: RecordDoc): RecordRow {
  const shown = mayShowRecordOrigin(scope, record.workspaceId);
  return {
    consumptionId: record.consumptionId,
    contractId: record.contractId,
    entitlementId: record.entitlementId,
    service: record.service,
    deliveredOn: record.deliveredOn,
    quantity: fromMillionths(record.quantityMillionths),
    unit: record.unit,
    reference: shown ? record.reference : null,
    workspaceId: shown ? record.workspaceId : null,
    deliveredHours: record.deliveredHours ?? null,
    source: record.source,
    reversed: record.reversed,
  };
}

/** GET /v1/customer-activity/drilldowns/{view}: the view's lines with balances, and a page of records. */
export async function drilldown(
  view: ProjectionView,
  scope: ActivityScope,
  selection: ActivitySelection,
  drilldownView: DrilldownView,
  page: { limit: number; cursor?: string; unit?: string },
): Promise<{ entitlements: EntitlementRow[] } & DrilldownPage> {
  const contracts = await scopedContracts(view, scope, selection);
  const balances = await balancesOf(view, contracts, categoriesOf(drilldownView));
  const lines = balances.filter((line) => page.unit === undefined || line.unit === page.unit);
  return {
    entitlements: entitlementRows(lines, await forecastBasis(view, contracts, selection.day)),
    ...(await recordsPage(view, scope, contracts, drilldownView, page)),
  };
}

const RECORD_HEADER = [
  'deliveredOn',
  'consumptionId',
  'contractId',
  'entitlementId',
  'service',
  'quantity',
  'unit',
  'referenceKind',
  'referenceId',
  'workspaceId',
  'deliveredHours',
  'source',
  'reversed',
];

/** A drill-down grid as CSV, every record of the view (reversed ones flagged, as on screen). */
export function recordsCsv(records: readonly RecordRow[]): string {
  return toCsv(
    RECORD_HEADER,
    records.map((r) => [
      r.deliveredOn,
      r.consumptionId,
      r.contractId,
      r.entitlementId,
      r.service,
      amount(r.quantity),
      r.unit,
      r.reference?.kind,
      r.reference?.id,
      r.workspaceId,
      r.deliveredHours === null ? undefined : amount(r.deliveredHours),
      r.source,
      r.reversed,
    ]),
  );
}

/** Every record of a drill-down view, page by page (exports are not paged). */
export async function allRecords(
  view: ProjectionView,
  scope: ActivityScope,
  selection: ActivitySelection,
  drilldownView: DrilldownView,
  unit?: string,
): Promise<RecordRow[]> {
  const contracts = await scopedContracts(view, scope, selection);
  const records: RecordRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await recordsPage(view, scope, contracts, drilldownView, {
      limit: MAX_PAGE,
      cursor,
      unit,
    });
    records.push(...page.records);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return records;
}
