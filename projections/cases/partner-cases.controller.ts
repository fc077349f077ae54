import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { CallerScopes } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';
import { rawQuery } from '@hub/projection/query/query-params';
import { CasePageQueryDto } from './cases.query.dto';
import { CaseList } from './cases.queries';
import { CaseListSchema } from './case-view.schema';
import { nowOf } from '@hub/projection/query/request-clock';
import { partnerCases, readPartnerCaseParams } from './partner-cases.queries';

/** What a partner sees of the cases it filed (domain.md §6, "What a partner sees"). */
@ApiTags('partner-cases')
@ApiBearerAuth()
@Controller('partners')
export class PartnerCasesQueryController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly scopes: CallerScopes,
  ) {}

  @Get(':partnerId/cases')
  @ApiOperation({
    summary:
      "The cases the partner filed (customers' and its own), newest first, with status and SLA fields (the partner's AdminAgents)",
  })
  @ApiOkResponse({ type: CaseListSchema })
  @ApiResponse({ status: 404, description: 'not_found: not an AdminAgent of this partner' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('partnerId') partnerId: string,
    @Query() query: CasePageQueryDto,
    @Req() request: { server?: unknown },
  ): Promise<CaseList> {
    const { minPosition, ...rest } = query;
    const params = readPartnerCaseParams(rawQuery(rest));
    const scope = await this.scopes.of(user, minPosition);
    const view = await this.readModels.view('cases', minPosition);
    return partnerCases(view, scope, partnerId, params, nowOf(request));
  }
}
