import { AsOfQuery } from '@hub/api/read/as-of-query';
import { accessAsOf } from './access/access.controller';

/** Each projection's live query, answerable as of a past moment (GET /v1/audit/projections/{name}). */
export const AS_OF_QUERIES: Record<string, AsOfQuery> = {
  access: accessAsOf,
};
