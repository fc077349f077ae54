import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { CLOCK, Clock } from '@hub/domain';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { AsOfQuery } from '../as-of-query';
import { CallerScopes } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';
import { drilldown } from './customer-activity.drilldown';
import { maySeeEducation } from './customer-activity.access';
import {
  DRILLDOWN_VIEWS,
  MAX_PAGE,
  RawQuery,
  drilldownQuery,
  minPositionOf,
  summaryQuery,
} from './customer-activity.params';
import { activitySummary } from './customer-activity.queries';
import { withholdUnseenCases } from '../cases/case-references';

/** The projection the enterprise-wide section and its drill-downs read. */
export const CUSTOMER_ACTIVITY = 'customer-activity';

/** `customer-activity` as of a past moment: the enterprise-wide section as it stood then. */
export const customerActivityAsOf: AsOfQuery = (view, scope, query, now) =>
  activitySummary(view, scope, summaryQuery(query, now));

const SELECTION_DOCS = [
  { name: 'workspaceId', required: false, description: 'a workspace id, or `all` (default)' },
  { name: 'contractId', required: false },
  {
    name: 'asOfDate',
    required: false,
    description: 'day YYYY-MM-DD for contract status (default today)',
  },
  { name: 'minPosition', required: false, description: 'wait until this position is applied' },
];

function ApiSelection(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const query of SELECTION_DOCS) ApiQuery(query)(target, key, descriptor);
  };
}

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
  @ApiSelection()
  @ApiOkResponse({
    description:
      '`{ contracts [{contractId, startsOn, endsOn, status}], categories [{category, unit, total, consumed, remaining, overage, forfeited?}], asNeeded [...], benefits [{contractId, entitlementId, category, service, description}] }`: by default the contracts active on asOfDate; an expired one only by contractId, its balance as `forfeited`',
  })
  async summary(@CurrentUser() user: AuthenticatedUser, @Query() query: RawQuery) {
    const selection = summaryQuery(query, this.clock.now());
    const minPosition = minPositionOf(query);
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
  @ApiSelection()
  @ApiQuery({ name: 'unit', required: false, description: 'e.g. credits, for proactive credits' })
  @ApiQuery({ name: 'limit', required: false, description: `1 to ${MAX_PAGE}, default 100` })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  async drilldown(
    @CurrentUser() user: AuthenticatedUser,
    @Param('category') category: string,
    @Query() query: RawQuery,
  ) {
    const parsed = drilldownQuery(query, category, this.clock.now());
    const minPosition = minPositionOf(query);
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
