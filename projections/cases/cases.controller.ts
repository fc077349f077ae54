import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { CLOCK, Clock } from '@hub/domain';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadQueryDto, rawQuery } from '@hub/projection/query/query-params';
import { CaseListQueryDto } from './cases.query.dto';
import { nowOf } from '@hub/projection/query/request-clock';
import { CaseListSchema, CaseViewSchema } from './case-view.schema';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { AsOfQuery } from '../as-of-query';
import { CallerScopes } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';
import { CaseList, CaseView, findCase, listCases, readCaseListParams } from './cases.queries';

/**
 * `cases` as of a past moment: the list (same parameters as GET /v1/cases), or one case with
 * `caseId=`. The SLA clock reads the `asOf` instant, so the answer is the one given then.
 */
export const casesAsOf: AsOfQuery = (view, scope, query, now) => {
  const { caseId, asOf, ...rest } = query;
  const instant = asOf && /T/.test(asOf) ? new Date(asOf) : now;
  if (caseId) return findCase(view, scope, caseId, instant);
  return listCases(view, scope, readCaseListParams(rest), instant);
};

/** The support cases the caller may see, with their SLA clock (domain.md §5). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesQueryController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly scopes: CallerScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Cases the caller may see (granted group, shared, primary contact, ViewAllSupportRequests, administrators), newest first',
  })
  @ApiOkResponse({ type: CaseListSchema })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CaseListQueryDto,
    @Req() request: { server?: unknown },
  ): Promise<CaseList> {
    const { minPosition, ...rest } = query;
    const params = readCaseListParams(rawQuery(rest));
    const scope = await this.scopes.of(user, minPosition);
    const view = await this.readModels.view('cases', minPosition);
    return listCases(view, scope, params, nowOf(request));
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'One case the caller may see; 404 otherwise (never 403)' })
  @ApiOkResponse({ type: CaseViewSchema })
  async one(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId') caseId: string,
    @Req() request: { server?: unknown },
    @Query() { minPosition }: ReadQueryDto,
  ): Promise<CaseView> {
    const scope = await this.scopes.of(user, minPosition);
    const view = await this.readModels.view('cases', minPosition);
    return findCase(view, scope, caseId, nowOf(request));
  }
}
