import { Document as MongoDocument, Filter as MongoFilter, Sort } from 'mongodb';
import { SortKey } from '../read-model-store.port';
import { KeysetTerm } from '../shared/cursor';
import { Condition } from '../shared/query';

/** A stored document: the read model's own fields plus the adapter's `_id` and positions. */
export type StoredDocument = MongoDocument & { _id: string; _pos?: string; _position?: string };

function renderCondition(condition: Condition): MongoFilter<StoredDocument> {
  switch (condition.kind) {
    case 'eq':
      // `{ field: null }` matches null and missing fields, as SQLite's `IS NULL` does.
      return { [condition.path]: condition.value };
    case 'in':
      return { [condition.path]: { $in: condition.values } };
    case 'range':
      return { [condition.path]: Object.fromEntries(condition.bounds.map((b) => [b.op, b.value])) };
  }
}

/** One keyset comparison; `null` stands for "no row can match" (nothing sorts after null descending). */
function renderKeysetTerm(term: KeysetTerm): MongoFilter<StoredDocument> | null {
  const key = term.key ?? '_id';
  if (term.kind === 'eq') return { [key]: term.value };
  if (term.value === null) return term.direction === 'asc' ? { [key]: { $ne: null } } : null;
  return term.direction === 'asc'
    ? { [key]: { $gt: term.value } }
    : { $or: [{ [key]: { $lt: term.value } }, { [key]: null }] };
}

/** The query for a filter and, when paging, the keyset condition after the cursor. */
export function buildQuery(
  conditions: Condition[],
  keyset?: KeysetTerm[][],
): MongoFilter<StoredDocument> {
  const parts = conditions.map(renderCondition);
  if (keyset) {
    const branches = keyset
      .map((terms) => terms.map(renderKeysetTerm))
      .filter((terms): terms is MongoFilter<StoredDocument>[] => terms.every((t) => t !== null))
      .map((terms) => (terms.length === 1 ? terms[0] : { $and: terms }));
    parts.push(branches.length === 1 ? branches[0] : { $or: branches });
  }
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0] : { $and: parts };
}

/** The requested keys, then `_id` ascending so equal keys still page deterministically. */
export function buildSort(sort: readonly SortKey[]): Sort {
  return [
    ...sort.map((k): [string, 1 | -1] => [k.field, k.direction === 'asc' ? 1 : -1]),
    ['_id', 1],
  ];
}

/** The document exactly as it was put: without the adapter's own keys. */
export function toDocument<T>(stored: StoredDocument): T {
  const { _id, _pos, _position, ...doc } = stored;
  return doc as T;
}
