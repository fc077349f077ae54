import { ValidationError } from '@hub/domain';
import { EntitlementCategory, isIsoDate } from '@hub/domain/contracts/entitlement';

/** Query parameters as HTTP (or the audit route) hands them over. */
export type RawQuery = Record<string, string | string[] | undefined>;

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

/** Read by every route but parsed elsewhere (ReadModels, the audit route). */
const HANDLED_ELSEWHERE = ['minPosition', 'asOf'];

export const MAX_PAGE = 500;
const DEFAULT_PAGE = 100;

/** Collects field errors and throws one 400 `validation_failed` with all of them. */
export class QueryReader {
  private readonly errors: Record<string, string[]> = {};

  constructor(
    private readonly query: RawQuery,
    known: readonly string[],
  ) {
    for (const field of Object.keys(query))
      if (!known.includes(field) && !HANDLED_ELSEWHERE.includes(field))
        this.fail(field, 'is not a known parameter');
  }

  fail(field: string, reason: string): void {
    (this.errors[field] ??= []).push(reason);
  }

  text(field: string): string | undefined {
    const value = this.query[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
      this.fail(field, 'must be given once, 1 to 200 characters');
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
    const value = this.text(field);
    if (value === undefined || values.includes(value as T)) return value as T | undefined;
    this.fail(field, `must be one of ${values.join(', ')}`);
    return undefined;
  }

  day(field: string): string | undefined {
    const value = this.text(field);
    if (value !== undefined && !isIsoDate(value)) this.fail(field, 'must be a day YYYY-MM-DD');
    return value;
  }

  limit(): number {
    const value = this.text('limit');
    if (value === undefined) return DEFAULT_PAGE;
    const limit = Number(value);
    if (/^\d+$/.test(value) && limit >= 1 && limit <= MAX_PAGE) return limit;
    this.fail('limit', `must be an integer from 1 to ${MAX_PAGE}`);
    return DEFAULT_PAGE;
  }

  /** Throws the collected errors, if any. */
  done(): void {
    if (Object.keys(this.errors).length > 0)
      throw new ValidationError('The query is not valid', this.errors);
  }
}

/** The day contract status and package state are evaluated for: `asOfDate`, else today (UTC). */
export function evaluationDay(asOfDate: string | undefined): string {
  return asOfDate ?? new Date().toISOString().slice(0, 10);
}

/** Shared by every Customer Activity route: which workspace(s), which contract, which day. */
export interface ActivitySelection {
  workspaceId: string;
  contractId?: string;
  day: string;
}

export function readSelection(reader: QueryReader): ActivitySelection {
  return {
    workspaceId: reader.text('workspaceId') ?? 'all',
    contractId: reader.text('contractId'),
    day: evaluationDay(reader.day('asOfDate')),
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
export function summaryQuery(query: RawQuery): ActivitySelection {
  const reader = new QueryReader(query, SELECTION_PARAMS);
  const selection = readSelection(reader);
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
export function drilldownQuery(query: RawQuery, view: string): DrilldownQuery {
  const reader = new QueryReader(query, [...SELECTION_PARAMS, 'limit', 'cursor', 'unit']);
  if (!DRILLDOWN_VIEWS.includes(view as DrilldownView))
    reader.fail('category', `must be one of ${DRILLDOWN_VIEWS.join(', ')}`);
  const selection = readSelection(reader);
  const page = { limit: reader.limit(), cursor: reader.text('cursor'), unit: reader.text('unit') };
  reader.done();
  return { selection, view: view as DrilldownView, page };
}
