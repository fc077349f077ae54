import { Filter, SortKey } from '../read-model-store.port';
import { assertFieldPath, ReadStoreUsageError } from './identifiers';

/** A scalar a filter or a cursor compares with. */
export type Scalar = string | number | boolean | null;
type RangeOp = '$gt' | '$gte' | '$lt' | '$lte';

/** A filter condition after validation, in one shape both adapters render. */
export type Condition =
  | { kind: 'eq'; path: string; value: Scalar }
  | { kind: 'in'; path: string; values: (string | number | boolean)[] }
  | { kind: 'range'; path: string; bounds: { op: RangeOp; value: string | number }[] };

const RANGE_OPS: readonly RangeOp[] = ['$gt', '$gte', '$lt', '$lte'];

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Validates a filter (names and operators) and normalises it; anything unknown is refused. */
export function parseFilter(filter: Filter | undefined): Condition[] {
  const conditions: Condition[] = [];
  for (const [field, condition] of Object.entries(filter ?? {})) {
    const path = assertFieldPath(field);
    if (isScalar(condition)) {
      if (typeof condition === 'number' && !Number.isFinite(condition)) {
        throw new ReadStoreUsageError(`filter on ${path}: numbers must be finite`);
      }
      conditions.push({ kind: 'eq', path, value: condition });
      continue;
    }
    if (typeof condition !== 'object' || Array.isArray(condition)) {
      throw new ReadStoreUsageError(`filter on ${path}: unsupported condition`);
    }
    const keys = Object.keys(condition);
    if (keys.length === 1 && keys[0] === '$in') {
      const values = (condition as { $in: unknown }).$in;
      if (!Array.isArray(values) || !values.every((v) => v !== null && isScalar(v))) {
        throw new ReadStoreUsageError(`filter on ${path}: $in needs an array of scalars`);
      }
      conditions.push({ kind: 'in', path, values: values as (string | number | boolean)[] });
      continue;
    }
    const bounds = keys.map((op) => {
      const value = (condition as Record<string, unknown>)[op];
      if (!RANGE_OPS.includes(op as RangeOp)) {
        throw new ReadStoreUsageError(`filter on ${path}: unsupported operator ${op}`);
      }
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
        throw new ReadStoreUsageError(`filter on ${path}: ${op} needs a string or a number`);
      }
      return { op: op as RangeOp, value };
    });
    if (bounds.length === 0) throw new ReadStoreUsageError(`filter on ${path}: empty condition`);
    conditions.push({ kind: 'range', path, bounds });
  }
  return conditions;
}

/** Validates sort keys; the id tie-breaker is added by the adapters, never by callers. */
export function parseSort(sort: readonly SortKey[] | undefined): SortKey[] {
  return (sort ?? []).map(({ field, direction }) => {
    if (direction !== 'asc' && direction !== 'desc') {
      throw new ReadStoreUsageError(`sort on ${field}: direction must be asc or desc`);
    }
    return { field: assertFieldPath(field), direction };
  });
}

/** Validates a page size: a positive integer, or none for "everything". */
export function parseLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ReadStoreUsageError(`limit must be a positive integer, got ${limit}`);
  }
  return limit;
}

/** Reads a dotted path from a document; a missing field reads as null, as both engines sort it. */
export function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? null : current;
}
