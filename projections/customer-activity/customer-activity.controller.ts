import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { CLOCK, Clock } from '@hub/domain';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { AsOfQuery } from '../as-of-query';
import { CallerScopes } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';
import { drilldown } from './customer-activity.drilldown';
import { maySeeEducation } from './customer-activity.access';
import { rawQuery } from '@hub/projection/query/query-params';
import { DRILLDOWN_VIEWS, drilldownQuery, summaryQuery } from './customer-activity.params';
import { DrilldownQueryDto, SelectionQueryDto } from './customer-activity.query.dto';
import { activitySummary } from './customer-activity.queries';
import { withholdUnseenCases } from '../cases/case-references';

/** The projection the enterprise-wide section and its drill-downs read. */
export const CUSTOMER_ACTIVITY = 'customer-activity';

/** `customer-activity` as of a past moment: the enterprise-wide section as it stood then. */
export const customerActivityAsOf: AsOfQuery = (view, scope, query, now) =>
  activitySummary(view, scope, summaryQuery(query, now));

/**
 * Customer Activity, enterprise-wide section (domain.md §4): contracts and consumption per
 * category, and each category's drill-down. Administrators and `CustomerActivity` holders only.
 */
@ApiTags('customer-activity')
@ApiBearerAuth()
@Controller('customer-activity')
export class CustomerActivityController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly scopes: CallerScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Contracts in view (status on asOfDate) and consumption per category and unit, plus as-needed (reactive + advisory)',
  })
  @ApiOkResponse({
    description:
      '`{ contracts [{contractId, startsOn, endsOn, status}], categories [{category, unit, total, consumed, remaining, overage, forfeited?}], asNeeded [...], benefits [{contractId, entitlementId, category, service, description}] }`: by default the contracts active on asOfDate; an expired one only by contractId, its balance as `forfeited`',
  })
  async summary(@CurrentUser() user: AuthenticatedUser, @Query() query: SelectionQueryDto) {
    const selection = summaryQuery(rawQuery(query), this.clock.now());
    const { minPosition } = query;
    const scope = await this.scopes.of(user, minPosition);
    const view = await this.readModels.view(CUSTOMER_ACTIVITY, minPosition);
    return activitySummary(view, scope, selection);
  }

  @Get('drilldowns/:category')
  @ApiOperation({
    summary:
      "A category's entitlement lines with balances and its consumption records (newest first, paged; reversed ones flagged and netted)",
  })
  @ApiParam({ name: 'category', enum: DRILLDOWN_VIEWS })
  async drilldown(
    @CurrentUser() user: AuthenticatedUser,
    @Param('category') category: string,
    @Query() query: DrilldownQueryDto,
  ) {
    const parsed = drilldownQuery(rawQuery(query), category, this.clock.now());
    const { minPosition } = query;
    const callerScope = await this.scopes.of(user, minPosition);
    // Learning Managers see the education drill-down without the Customer Activity role.
    const scope =
      parsed.view === 'education' ? { ...callerScope, rule: maySeeEducation } : callerScope;
    const view = await this.readModels.view(CUSTOMER_ACTIVITY, minPosition);
    const answer = await drilldown(view, scope, parsed.selection, parsed.view, parsed.page);
    const cases = await this.readModels.view('cases', minPosition);
    return { ...answer, records: await withholdUnseenCases(cases, callerScope, answer.records) };
  }
}
