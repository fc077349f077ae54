import { ValidationError, dayOf } from '@hub/domain';
import { EntitlementCategory } from '@hub/domain/contracts/entitlement';
import { QueryReader, RawQuery } from '@hub/projection/query/query-reader';

export { QueryReader } from '@hub/projection/query/query-reader';
export type { RawQuery } from '@hub/projection/query/query-reader';

/** The enterprise-wide categories, in the order the page shows its tiles. */
export const CATEGORIES: readonly EntitlementCategory[] = [
  'proactive',
  'reactive',
  'advisory',
  'education',
  'contacts',
  'assessment',
];

/** A drill-down view: one category, or "as-needed support" (reactive + advisory, domain.md §2). */
export type DrilldownView = EntitlementCategory | 'as-needed';

export const DRILLDOWN_VIEWS: readonly DrilldownView[] = [...CATEGORIES, 'as-needed'];

export function categoriesOf(view: DrilldownView): EntitlementCategory[] {
  return view === 'as-needed' ? ['reactive', 'advisory'] : [view];
}

/** Drill-down pages hold at most this many records. */
export const MAX_PAGE = 500;

/**
 * The day contract status and package state are evaluated for: `asOfDate`, else the day of the
 * hub clock's `now` (UTC); a projection never reads the system time.
 */
export function evaluationDay(asOfDate: string | undefined, now: Date): string {
  return asOfDate ?? dayOf(now);
}

/** Shared by every Customer Activity route: which workspace(s), which contract, which day. */
export interface ActivitySelection {
  workspaceId: string;
  contractId?: string;
  day: string;
}

export function readSelection(reader: QueryReader, now: Date): ActivitySelection {
  return {
    workspaceId: reader.text('workspaceId') ?? 'all',
    contractId: reader.text('contractId'),
    day: evaluationDay(reader.day('asOfDate'), now),
  };
}

export const SELECTION_PARAMS = ['workspaceId', 'contractId', 'asOfDate'];

/** `minPosition` once, for ReadModels (which validates its form). */
export function minPositionOf(query: RawQuery): string | undefined {
  const value = query.minPosition;
  if (Array.isArray(value))
    throw new ValidationError('The query is not valid', { minPosition: ['must be given once'] });
  return value;
}

/** GET /v1/customer-activity. */
export function summaryQuery(query: RawQuery, now: Date): ActivitySelection {
  const reader = new QueryReader(query, SELECTION_PARAMS);
  const selection = readSelection(reader, now);
  reader.done();
  return selection;
}

/** A drill-down page: which view, which unit (e.g. proactive credits vs hours), which page. */
export interface DrilldownQuery {
  selection: ActivitySelection;
  view: DrilldownView;
  page: { limit: number; cursor?: string; unit?: string };
}

/** GET /v1/customer-activity/drilldowns/{view}. */
export function drilldownQuery(query: RawQuery, view: string, now: Date): DrilldownQuery {
  const reader = new QueryReader(query, [...SELECTION_PARAMS, 'limit', 'cursor', 'unit']);
  if (!DRILLDOWN_VIEWS.includes(view as DrilldownView))
    reader.fail('category', `must be one of ${DRILLDOWN_VIEWS.join(', ')}`);
  const selection = readSelection(reader, now);
  const page = { limit: reader.limit(), cursor: reader.text('cursor'), unit: reader.text('unit') };
  reader.done();
  return { selection, view: view as DrilldownView, page };
}
