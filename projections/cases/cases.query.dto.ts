import {
  CursorParam,
  DayParam,
  EnumParam,
  IntegerParam,
  ReadQueryDto,
  TextParam,
} from '@hub/projection/query/query-params';
import { CASE_PAGE } from './case-query.params';

/** A page of cases. */
export class CasePageQueryDto extends ReadQueryDto {
  @IntegerParam(1, CASE_PAGE.max, 'page size', CASE_PAGE.fallback)
  limit?: string;

  @CursorParam()
  cursor?: string;
}

/** GET /v1/cases. */
export class CaseListQueryDto extends CasePageQueryDto {
  @TextParam('a workspace id, or `all` (default)')
  workspaceId?: string;

  @EnumParam(['open', 'closed'])
  status?: string;

  @EnumParam(['A', 'B', 'C'])
  severity?: string;
}

/** GET /v1/customer-activity/extra-cases (and its CSV, which is never paged). */
export class ExtraCasesQueryDto extends CasePageQueryDto {
  @TextParam('a workspace id, or `all` (default)')
  workspaceId?: string;

  @DayParam('the day contract expiry is judged on (default today)')
  asOfDate?: string;
}
