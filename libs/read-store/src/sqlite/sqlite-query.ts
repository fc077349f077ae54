import { SortKey } from '../read-model-store.port';
import { KeysetTerm } from '../shared/cursor';
import { Condition, Scalar } from '../shared/query';

/** A fragment of SQL and the values bound to its `?` placeholders. */
export interface SqlFragment {
  sql: string;
  params: (string | number | null)[];
}

/**
 * The expression a field path compiles to. Paths are validated against a strict pattern before
 * they get here, and are spelled as literals (not bound) so SQLite can match them against the
 * expression indexes `ensureIndex` creates.
 */
export const fieldExpr = (path: string): string => `json_extract(doc, '$.${path}')`;
const typeExpr = (path: string): string => `json_type(doc, '$.${path}')`;
const isNumber = (path: string): string => `${typeExpr(path)} IN ('integer', 'real')`;

// SQLite has no boolean: json_extract yields 1/0 for true/false. Bind the same, and check
// json_type where it matters so `true` never equals the number 1.
const bindable = (value: Scalar): string | number | null =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value;

function renderCondition(condition: Condition, params: SqlFragment['params']): string {
  const expr = fieldExpr(condition.path);
  switch (condition.kind) {
    case 'eq': {
      if (condition.value === null) return `${expr} IS NULL`;
      params.push(bindable(condition.value));
      if (typeof condition.value === 'boolean') {
        return `(${expr} = ? AND ${typeExpr(condition.path)} = '${condition.value}')`;
      }
      if (typeof condition.value === 'number')
        return `(${expr} = ? AND ${isNumber(condition.path)})`;
      return `${expr} = ?`;
    }
    case 'in': {
      const texts = condition.values.filter((v) => typeof v === 'string');
      const numbers = condition.values.filter((v) => typeof v === 'number');
      const flags = [...new Set(condition.values.filter((v) => typeof v === 'boolean'))];
      const parts: string[] = [];
      if (texts.length > 0) {
        parts.push(`${expr} IN (${texts.map(() => '?').join(', ')})`);
        params.push(...texts);
      }
      if (numbers.length > 0) {
        parts.push(
          `(${expr} IN (${numbers.map(() => '?').join(', ')}) AND ${isNumber(condition.path)})`,
        );
        params.push(...numbers);
      }
      if (flags.length > 0) {
        parts.push(`${typeExpr(condition.path)} IN (${flags.map((f) => `'${f}'`).join(', ')})`);
      }
      return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
    }
    case 'range': {
      // MongoDB-style type bracketing: a number bound matches only numbers, a string bound only
      // strings (SQLite would otherwise order every number below every text, and true is 1).
      const parts = condition.bounds.map(({ op, value }) => {
        params.push(value);
        return `${expr} ${{ $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]} ?`;
      });
      const numeric = condition.bounds.some((b) => typeof b.value === 'number');
      const textual = condition.bounds.some((b) => typeof b.value === 'string');
      if (numeric) parts.push(isNumber(condition.path));
      if (textual) parts.push(`${typeExpr(condition.path)} = 'text'`);
      return `(${parts.join(' AND ')})`;
    }
  }
}

function renderKeysetTerm(term: KeysetTerm, params: SqlFragment['params']): string {
  const key = term.key === null ? 'id' : fieldExpr(term.key);
  if (term.kind === 'eq') {
    if (term.value === null) return `${key} IS NULL`;
    params.push(bindable(term.value));
    return `${key} = ?`;
  }
  // Nulls sort first ascending and last descending (SQLite and MongoDB agree).
  if (term.value === null) return term.direction === 'asc' ? `${key} IS NOT NULL` : '0';
  params.push(bindable(term.value));
  return term.direction === 'asc' ? `${key} > ?` : `(${key} < ? OR ${key} IS NULL)`;
}

/** The WHERE clause for a filter and, when paging, the keyset condition after the cursor. */
export function buildWhere(conditions: Condition[], keyset?: KeysetTerm[][]): SqlFragment {
  const params: SqlFragment['params'] = [];
  const parts = conditions.map((c) => renderCondition(c, params));
  if (keyset) {
    const branches = keyset.map((terms) => terms.map((t) => renderKeysetTerm(t, params)));
    parts.push(`(${branches.map((b) => `(${b.join(' AND ')})`).join(' OR ')})`);
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** ORDER BY the requested keys, then the id so equal keys still page deterministically. */
export function buildOrderBy(sort: readonly SortKey[]): string {
  const keys = sort.map((k) => `${fieldExpr(k.field)} ${k.direction === 'asc' ? 'ASC' : 'DESC'}`);
  return `ORDER BY ${[...keys, 'id ASC'].join(', ')}`;
}
