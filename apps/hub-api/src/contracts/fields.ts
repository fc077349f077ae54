import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import {
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';

/** A day `YYYY-MM-DD` (api.md conventions); whether it exists is the decider's check. */
export const IsDay = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

/** An ISO-8601 instant (`…Z` or with an offset). */
export const IsInstant = () =>
  applyDecorators(
    IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 instant' }),
  );

/** An id chosen by the caller: it becomes part of a stream name, so it is kept plain. */
export const IsIdentifier = () =>
  applyDecorators(
    IsString(),
    Matches(/^[A-Za-z0-9._-]{1,100}$/, {
      message: '$property must be 1-100 letters, digits, dot, dash or underscore',
    }),
  );

/** The largest quantity a line may carry: its millionths stay exact integers. */
export const MAX_QUANTITY = 1_000_000_000;

/**
 * A positive number with at most two decimals, from 0.01 to MAX_QUANTITY. Decided on the
 * number's millionths, never on its text: `(1e-7).toString()` has no decimal point, which made
 * class-validator's own decimal check throw (a 500).
 */
export function isQuantity(value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (value < 0.01 || value > MAX_QUANTITY) return false;
  const millionths = Math.round(value * 100);
  return Math.abs(millionths - value * 100) < 1e-6;
}

/** A positive quantity with at most two decimals (hours may be quarter hours; domain.md §2). */
export const IsQuantity = () =>
  applyDecorators(
    ValidateBy({
      name: 'isQuantity',
      validator: {
        validate: isQuantity,
        defaultMessage: () =>
          `$property must be a number from 0.01 to ${MAX_QUANTITY} with at most two decimals`,
      },
    }),
  );

/** What a text field's documentation may add: an example, a description. */
type TextDoc = Pick<ApiPropertyOptions, 'example' | 'description'>;

/** A required, non-empty text of at most `max` characters, documented with its bounds. */
export const Text = (max: number, doc: TextDoc = {}) =>
  applyDecorators(
    ApiProperty({ ...doc, minLength: 1, maxLength: max }),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );

/** An optional text of at most `max` characters (non-empty when `nonEmpty`). */
export const OptionalText = (max: number, doc: TextDoc = {}, nonEmpty = false) =>
  applyDecorators(
    ApiPropertyOptional({ ...doc, maxLength: max, ...(nonEmpty ? { minLength: 1 } : {}) }),
    IsOptional(),
    IsString(),
    ...(nonEmpty ? [IsNotEmpty()] : []),
    MaxLength(max),
  );
