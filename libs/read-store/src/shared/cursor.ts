import { ValidationError } from '@hub/domain/shared';
import { Document, SortKey } from '../read-model-store.port';
import { ReadStoreUsageError } from './identifiers';
import { Scalar, valueAt } from './query';

/** What a page cursor carries: the sort it was made for, the last item's sort values and id. */
interface CursorState {
  s: string;
  v: Scalar[];
  id: string;
}

/** One comparison of a keyset condition; `key: null` means the document id. */
export type KeysetTerm =
  | { kind: 'eq'; key: string | null; value: Scalar }
  | { kind: 'after'; key: string | null; direction: 'asc' | 'desc'; value: Scalar };

const sortSignature = (sort: readonly SortKey[]): string =>
  sort.map((k) => `${k.field}:${k.direction}`).join(',');

/** Encodes the position after `last` as an opaque base64url token. */
export function encodeCursor(sort: readonly SortKey[], last: Document, id: string): string {
  const values = sort.map(({ field }) => {
    const value = valueAt(last, field);
    if (value !== null && typeof value === 'object') {
      throw new ReadStoreUsageError(`sort field ${field} holds a non-scalar value in ${id}`);
    }
    return value as Scalar;
  });
  const state: CursorState = { s: sortSignature(sort), v: values, id };
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** Decodes a cursor; a forged, corrupt or foreign-sort cursor is the caller's error (400). */
export function decodeCursor(sort: readonly SortKey[], cursor: string): CursorState {
  const invalid = (reason: string) => new ValidationError('invalid cursor', { cursor: [reason] });
  let state: CursorState;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
  } catch {
    throw invalid('not a cursor issued by this query');
  }
  if (
    !state ||
    typeof state.id !== 'string' ||
    !Array.isArray(state.v) ||
    state.v.length !== sort.length ||
    !state.v.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  ) {
    throw invalid('not a cursor issued by this query');
  }
  if (state.s !== sortSignature(sort)) throw invalid('the cursor was issued for another sort');
  return state;
}

/**
 * Keyset paging: the rows strictly after the cursor in (sort..., id asc) order, as an OR of
 * branches "equal on the first i keys and after on key i+1". Nulls sort first ascending and
 * last descending in both engines, and neither compares with null, so "after" is spelled out
 * per case by the renderers (see `KeysetTerm`).
 */
export function keysetBranches(sort: readonly SortKey[], cursor: CursorState): KeysetTerm[][] {
  const keys: { key: string | null; direction: 'asc' | 'desc'; value: Scalar }[] = [
    ...sort.map((k, i) => ({ key: k.field, direction: k.direction, value: cursor.v[i] })),
    { key: null, direction: 'asc', value: cursor.id },
  ];
  return keys.map((current, i) => [
    ...keys.slice(0, i).map(({ key, value }): KeysetTerm => ({ kind: 'eq', key, value })),
    { kind: 'after', key: current.key, direction: current.direction, value: current.value },
  ]);
}
