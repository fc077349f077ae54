import { ValidationError } from '@hub/domain';

/** Query parameters as HTTP (or the audit route) hands them over; repeated ones come as arrays. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** Read by every route but parsed elsewhere (ReadModels, the audit route). */
const HANDLED_ELSEWHERE = ['minPosition', 'asOf'];

/** Pages are bounded so one query never reads a whole collection for a client. */
export const MAX_CASE_PAGE = 200;
export const DEFAULT_CASE_PAGE = 50;

/** Collects per-field reasons and throws one 400 `validation_failed` naming every bad field. */
export class CaseQueryReader {
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
    if (value === undefined) return undefined;
    const parsed = new Date(`${value}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== value
    )
      this.fail(field, 'must be a day YYYY-MM-DD');
    return value;
  }

  limit(): number {
    const value = this.text('limit');
    if (value === undefined) return DEFAULT_CASE_PAGE;
    const limit = Number(value);
    if (/^\d+$/.test(value) && limit >= 1 && limit <= MAX_CASE_PAGE) return limit;
    this.fail('limit', `must be an integer from 1 to ${MAX_CASE_PAGE}`);
    return DEFAULT_CASE_PAGE;
  }

  /** Throws the collected errors, if any. */
  done(): void {
    if (Object.keys(this.errors).length > 0)
      throw new ValidationError('The query is not valid', this.errors);
  }
}
