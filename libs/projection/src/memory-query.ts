import { Document, FieldCondition, Filter, FindOptions, Page, SortKey } from '@hub/read-store';

type Scalar = string | number | boolean | null;

/** Reads a top-level field or a dotted path into nested objects; missing reads as undefined. */
export function fieldValue(doc: Document, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function matches(value: unknown, condition: FieldCondition): boolean {
  if (condition === null) return value === null || value === undefined;
  if (typeof condition !== 'object') return value === condition;
  if ('$in' in condition) return condition.$in.some((candidate) => candidate === value);
  // A range only holds between values of the same type, as in MongoDB.
  const within = (bound: string | number | undefined, test: (c: number) => boolean): boolean =>
    bound === undefined ||
    (typeof value === typeof bound && test(compareScalars(value as Scalar, bound)));
  return (
    within(condition.$gt, (c) => c > 0) &&
    within(condition.$gte, (c) => c >= 0) &&
    within(condition.$lt, (c) => c < 0) &&
    within(condition.$lte, (c) => c <= 0)
  );
}

export function matchesFilter(doc: Document, filter: Filter | undefined): boolean {
  return Object.entries(filter ?? {}).every(([path, condition]) =>
    matches(fieldValue(doc, path), condition),
  );
}

// Order across types: missing/null < numbers < strings < booleans < anything else.
function rank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 3;
  return 4;
}

function compareScalars(a: unknown, b: unknown): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (rank(a) === 0) return 0;
  if (rank(a) === 4) return compareScalars(JSON.stringify(a), JSON.stringify(b));
  return (a as Scalar)! < (b as Scalar)! ? -1 : (a as Scalar)! > (b as Scalar)! ? 1 : 0;
}

/** A document's sort key: the sorted fields' values, then its id (ties broken by id ascending). */
type Key = unknown[];

function keyOf(id: string, doc: Document, sort: readonly SortKey[]): Key {
  return [...sort.map((s) => fieldValue(doc, s.field) ?? null), id];
}

function compareKeys(a: Key, b: Key, sort: readonly SortKey[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const direction = i < sort.length && sort[i].direction === 'desc' ? -1 : 1;
    const c = compareScalars(a[i], b[i]) * direction;
    if (c !== 0) return c;
  }
  return 0;
}

function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Key {
  const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Array.isArray(key)) throw new Error('malformed cursor');
  return key;
}

/**
 * Filters, sorts and pages documents. The cursor carries the last item's sort key, so the next
 * page starts strictly after it even when documents were added or removed in between.
 */
export function findInMemory<T extends Document>(
  docs: Iterable<[string, Document]>,
  options: FindOptions = {},
): Page<T> {
  const sort = options.sort ?? [];
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const keyed = [...docs]
    .filter(([, doc]) => matchesFilter(doc, options.filter))
    .map(([id, doc]) => ({ key: keyOf(id, doc, sort), doc }))
    .filter((item) => after === null || compareKeys(item.key, after, sort) > 0)
    .sort((a, b) => compareKeys(a.key, b.key, sort));
  const limit = options.limit ?? keyed.length;
  const page = keyed.slice(0, limit);
  const more = keyed.length > page.length && page.length > 0;
  return {
    items: page.map((item) => structuredClone(item.doc) as T),
    ...(more ? { nextCursor: encodeCursor(page[page.length - 1].key) } : {}),
  };
}
