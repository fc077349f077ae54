import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { MAX_CONSUMED_QUANTITY, isQuantity } from '@hub/domain/contracts/entitlement';

// Shared field shapes of the inbound contract, so every payload spells a date or an id the same way.

/** A required, non-empty line of text (at most `max` characters). */
export function TextField(max = 2000, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, maxLength: max, ...options } as ApiPropertyOptions),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );
}

/** A required, non-empty identifier: a text of at most 200 characters. */
export function IdField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return TextField(200, options);
}

/** The ISO-8601 strings the contract takes: the shape it allows, an example, what a miss says. */
const ISO_FORMATS = {
  date: {
    pattern: /^\d{4}-\d{2}-\d{2}$/,
    example: '2025-03-31',
    shape: '$property must be a date YYYY-MM-DD',
    real: '$property must be a real calendar date',
  },
  'date-time': {
    pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
    example: '2025-03-31T09:00:00Z',
    shape: '$property must be an ISO-8601 instant with an offset',
    real: '$property must be a real instant',
  },
};

/** A string of the format's shape that is also a real date or instant (2025-02-30 is refused). */
function isoField(
  format: keyof typeof ISO_FORMATS,
  options: ApiPropertyOptions,
): PropertyDecorator {
  const { pattern, example, shape, real } = ISO_FORMATS[format];
  return applyDecorators(
    ApiProperty({ type: String, format, example, ...options } as ApiPropertyOptions),
    Matches(pattern, { message: shape }),
    IsISO8601({ strict: true }, { message: real }),
  );
}

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export function DateOnlyField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return isoField('date', options);
}

/** An instant with its offset, e.g. `2025-03-31T09:00:00Z`. */
export function InstantField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return isoField('date-time', options);
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
