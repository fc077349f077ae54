import { applyDecorators } from '@nestjs/common';
import { MAX_LINE_QUANTITY, isQuantity } from '@hub/domain/contracts/entitlement';
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

/**
 * A positive number from 0.000001 to `max` with at most six decimal places (domain.md §2).
 * Decided by the domain's one reading of a quantity, never on class-validator's decimal check:
 * `(1e-7).toString()` has no decimal point, which made that check throw (a 500).
 */
export const IsQuantity = (max: number = MAX_LINE_QUANTITY) =>
  applyDecorators(
    ValidateBy({
      name: 'isQuantity',
      constraints: [max],
      validator: {
        validate: (value) => isQuantity(value, max),
        defaultMessage: () =>
          `$property must be a number from 0.000001 to ${max} with at most six decimal places`,
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
