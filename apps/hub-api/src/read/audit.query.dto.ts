import { IntegerParam, PositionParam, TextParam } from '@hub/projection/query/query-params';

/** The most events one audit page holds. */
export const MAX_AUDIT_PAGE = 1000;

/** GET /v1/audit/streams/{stream}. */
export class StreamQueryDto {
  @IntegerParam(0, Number.MAX_SAFE_INTEGER, 'the first revision to read', 0)
  fromRevision?: string;

  @IntegerParam(1, MAX_AUDIT_PAGE, 'page size', MAX_AUDIT_PAGE)
  limit?: string;
}

/** GET /v1/audit/events. */
export class LogQueryDto {
  @PositionParam('the first position to read (inclusive; a nextPosition)')
  fromPosition?: string;

  @IntegerParam(1, MAX_AUDIT_PAGE, 'page size', 100)
  limit?: string;

  @TextParam('only events of this type (comma-separated for several)')
  type?: string;
}

/** GET /v1/audit/verify: both ends inclusive, default the whole log. */
export class VerifyQueryDto {
  @PositionParam('the first position to verify (0: from the first event)')
  fromPosition?: string;

  @PositionParam('the last position to verify (0: an empty range)')
  toPosition?: string;
}
