import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsNumber, IsPositive, IsString, Matches } from 'class-validator';

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

/** A positive quantity with at most two decimals (hours may be quarter hours; domain.md §2). */
export const IsQuantity = () =>
  applyDecorators(
    IsNumber(
      { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
      { message: '$property must be a number with at most two decimals' },
    ),
    IsPositive(),
  );
