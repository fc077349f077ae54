import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { MAX_CONSUMED_QUANTITY, isQuantity } from '@hub/domain/contracts/entitlement';

// Shared field shapes of the inbound contract, so every payload spells a date or an id the same way.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** A required, non-empty identifier (at most 200 characters). */
export function IdField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, maxLength: 200, ...options } as ApiPropertyOptions),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
  );
}

/** A required, non-empty line of text (at most `max` characters). */
export function TextField(max = 2000, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, maxLength: max, ...options } as ApiPropertyOptions),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );
}

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export function DateOnlyField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date',
      example: '2025-03-31',
      ...options,
    } as ApiPropertyOptions),
    Matches(DATE_ONLY, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );
}

/** An instant with its offset, e.g. `2025-03-31T09:00:00Z`. */
export function InstantField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date-time',
      example: '2025-03-31T09:00:00Z',
      ...options,
    } as ApiPropertyOptions),
    Matches(INSTANT, { message: '$property must be an ISO-8601 instant with an offset' }),
    IsISO8601({ strict: true }, { message: '$property must be a real instant' }),
  );
}

/**
 * A positive quantity of at most 1,000,000 with at most six decimal places (domain.md §2), read
 * as the HTTP API reads it: `1e-7` is a validation failure, never a crash of the decimal check.
 */
export function QuantityField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: Number,
      minimum: 0.000001,
      maximum: MAX_CONSUMED_QUANTITY,
      multipleOf: 0.000001,
      ...options,
    } as ApiPropertyOptions),
    ValidateBy({
      name: 'isQuantity',
      validator: {
        validate: (value) => isQuantity(value, MAX_CONSUMED_QUANTITY),
        defaultMessage: () =>
          `$property must be a number from 0.000001 to ${MAX_CONSUMED_QUANTITY} with at most six decimal places`,
      },
    }),
  );
}
