import { PageBounds } from '@hub/projection/query/query-reader';

export type { RawQuery } from '@hub/projection/query/query-reader';

/** Case pages are bounded so one query never reads a whole collection for a client. */
export const CASE_PAGE: PageBounds = { max: 200, fallback: 50 };
