import { Controller, Get, Inject, Query } from '@nestjs/common';
import { CLOCK, Clock } from '@hub/domain';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { AsOfQuery } from '../as-of-query';
import { CallerScopes } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';
import { rawQuery } from '@hub/projection/query/query-params';
import { ExtraCasesQueryDto } from '../cases/cases.query.dto';
import { ExtraCasesAnswer, extraCases, readExtraCasesParams } from './extra-cases.queries';

/** `extra-cases` as of a past moment (same parameters as the live route). */
export const extraCasesAsOf: AsOfQuery = (view, scope, query, now) => {
  const { asOf: _asOf, ...rest } = query;
  return extraCases(view, scope, readExtraCasesParams(rest, now));
};

/** The "additional incidents" drill-down of Customer Activity (domain.md §5, "Extra cases"). */
@ApiTags('customer-activity')
@ApiBearerAuth()
@Controller('customer-activity')
export class ExtraCasesController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly scopes: CallerScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('extra-cases')
  @ApiOperation({
    summary:
      'Extra cases of the workspace(s) with the rule that put each there, and counts per service (Customer Activity access)',
  })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ExtraCasesQueryDto,
  ): Promise<ExtraCasesAnswer> {
    const { minPosition, ...rest } = query;
    const params = readExtraCasesParams(rawQuery(rest), this.clock.now());
    const scope = await this.scopes.of(user, minPosition);
    const view = await this.readModels.view('extra-cases', minPosition);
    return extraCases(view, scope, params);
  }
}
