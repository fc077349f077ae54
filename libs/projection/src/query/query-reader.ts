import { ValidationError } from '@hub/domain';
import { isIsoDate } from '@hub/domain/contracts/entitlement';

/** Query parameters as HTTP (or the audit route) hands them over; repeated ones come as arrays. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** Read by every route but parsed elsewhere (ReadModels, the audit route). */
const HANDLED_ELSEWHERE = ['minPosition', 'asOf'];

/** How many items a page may hold, and how many when the caller does not say. */
export interface PageBounds {
  max: number;
  fallback: number;
}

/**
 * Reads a query route's parameters, collecting every reason per field, and throws one 400
 * `validation_failed` naming every bad field (unknown parameters included) from `done()`.
 */
export class QueryReader {
  private readonly errors: Record<string, string[]> = {};

  constructor(
    private readonly query: RawQuery,
    known: readonly string[],
    private readonly page: PageBounds = { max: 500, fallback: 100 },
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
    const { max, fallback } = this.page;
    const value = this.text('limit');
    if (value === undefined) return fallback;
    const limit = Number(value);
    if (/^\d+$/.test(value) && limit >= 1 && limit <= max) return limit;
    this.fail('limit', `must be an integer from 1 to ${max}`);
    return fallback;
  }

  /**
   * The list key a `cursor` resumes after: the `nextCursor` of a previous page is the base64url
   * of a `<a>|<b>` list key. Undefined when no cursor was given (or a bad one, which fails).
   */
  private afterCursor(): string | undefined {
    const cursor = this.text('cursor');
    if (cursor === undefined) return undefined;
    const after = Buffer.from(cursor, 'base64url').toString('utf8');
    if (/^[^|]+\|[^|]+$/.test(after)) return after;
    this.fail('cursor', 'must be a nextCursor from a previous page');
    return undefined;
  }

  /** A page of a list by list key: its `limit`, and `after` only when a cursor was given. */
  listPage(): { limit: number; after?: string } {
    const limit = this.limit();
    const after = this.afterCursor();
    return after === undefined ? { limit } : { limit, after };
  }

  /** Throws the collected errors, if any. */
  done(): void {
    if (Object.keys(this.errors).length > 0)
      throw new ValidationError('The query is not valid', this.errors);
  }
}
