import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateBy } from 'class-validator';
import { isIsoDate } from '@hub/domain/contracts/entitlement';
import { RawQuery } from './query-reader';

/**
 * Query parameters as DTO properties (issue 18 item 10): the global ValidationPipe refuses a bad
 * or unknown one with 400 `validation_failed` naming the field, and the OpenAPI document lists
 * each with its schema and constraints. Values stay strings, as HTTP gives them, so the query
 * readers that turn them into a query go on reading them (and keep their cross-field rules).
 */

/** Free text: given once, 1 to 200 characters, not only blanks; optional unless `required`. */
export function TextParam(description?: string, { required = false } = {}): PropertyDecorator {
  const schema = { type: String, minLength: 1, maxLength: 200, pattern: '\\S', description };
  return applyDecorators(
    required ? ApiProperty(schema) : ApiPropertyOptional(schema),
    ...(required ? [] : [IsOptional()]),
    IsString(),
    Length(1, 200),
    Matches(/\S/, { message: '$property must not be blank' }),
  );
}

/** An opaque paging cursor: only a `nextCursor` the hub answered is one. */
export function CursorParam(): PropertyDecorator {
  return TextParam('nextCursor of the previous page (opaque)');
}

/** One of a fixed set of values. */
export function EnumParam(values: readonly string[], description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: [...values], type: String, description }),
    IsOptional(),
    IsIn([...values]),
  );
}

/** A calendar day `YYYY-MM-DD` that exists. */
export function DayParam(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', description }),
    IsOptional(),
    ValidateBy({
      name: 'isDay',
      validator: {
        validate: (value) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: () => '$property must be a day YYYY-MM-DD',
      },
    }),
  );
}

/** A position of the global log as a command answered it (opaque decimal). */
export function PositionParam(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, pattern: '^\\d{1,20}$', description }),
    IsOptional(),
    Matches(/^\d{1,20}$/, { message: '$property must be a position a command answered' }),
  );
}

/** A whole number from `min` to `max`, written in decimal (a page size, a revision). */
export function IntegerParam(
  min: number,
  max: number,
  description?: string,
  fallback?: number,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: min,
      maximum: max,
      ...(fallback !== undefined ? { default: fallback } : {}),
      description,
    }),
    IsOptional(),
    ValidateBy({
      name: 'isIntegerText',
      validator: {
        validate: (value) =>
          typeof value === 'string' &&
          /^\d{1,16}$/.test(value) &&
          Number(value) >= min &&
          Number(value) <= max,
        defaultMessage: () => `$property must be an integer from ${min} to ${max}`,
      },
    }),
  );
}

/** Every query route: read-your-writes (api.md). */
export class ReadQueryDto {
  @PositionParam('read-your-writes: wait until the read model has applied this position')
  minPosition?: string;
}

/** A validated query DTO, as the query readers take it. */
export function rawQuery(dto: object): RawQuery {
  return { ...dto } as RawQuery;
}
