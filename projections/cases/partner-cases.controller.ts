import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { CallerScopes } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';
import { RawQuery } from './case-query.params';
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
  @ApiQuery({ name: 'limit', required: false, description: '1 to 200, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'minPosition', required: false })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('partnerId') partnerId: string,
    @Query() query: RawQuery,
    @Req() request: { server?: unknown },
  ): Promise<CaseList> {
    const { minPosition, ...rest } = query;
    const params = readPartnerCaseParams(rest);
    const position = typeof minPosition === 'string' ? minPosition : undefined;
    const scope = await this.scopes.of(user, position);
    const view = await this.readModels.view('cases', position);
    return partnerCases(view, scope, partnerId, params, nowOf(request));
  }
}
