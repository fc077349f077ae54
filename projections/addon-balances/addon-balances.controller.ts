import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { CLOCK, Clock } from '@hub/domain';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { AsOfQuery } from '../as-of-query';
import { CallerScopes } from '@hub/projections/access/caller-scope';
import { withholdUnseenCases } from '../cases/case-references';
import { ReadModels } from '@hub/projection/query/read-models';
import {
  ActivitySelection,
  QueryReader,
  RawQuery,
  SELECTION_PARAMS,
  readSelection,
} from '../customer-activity/customer-activity.params';
import { rawQuery } from '@hub/projection/query/query-params';
import {
  AddonPackagesQueryDto,
  PackageRecordsQueryDto,
} from '../customer-activity/customer-activity.query.dto';
import { PackageFilters, PackageState, addonPackages } from './addon-balances.queries';
import { packageRecords } from './addon-package-records';

class RecordReferenceSchema {
  @ApiProperty() kind!: string;
  @ApiProperty() id!: string;
}

/** One row of a consumption grid (the drill-downs' record shape). */
class RecordRowSchema {
  @ApiProperty() consumptionId!: string;
  @ApiProperty() contractId!: string;
  @ApiProperty() entitlementId!: string;
  @ApiProperty() service!: string;
  @ApiProperty() deliveredOn!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() unit!: string;
  @ApiPropertyOptional({ nullable: true, type: RecordReferenceSchema })
  reference!: RecordReferenceSchema | null;
  @ApiPropertyOptional({ nullable: true }) workspaceId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Proactive deliveries: hours taken' })
  deliveredHours!: number | null;
  @ApiProperty() source!: string;
  @ApiProperty() reversed!: boolean;
}

class PackageRecordsSchema {
  @ApiProperty() packageId!: string;
  @ApiProperty({ type: [RecordRowSchema] }) records!: RecordRowSchema[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}

/** The projection the add-on packages section reads. */
export const ADDON_BALANCES = 'addon-balances';

const STATES: readonly PackageState[] = ['active', 'inactive'];

/** The add-on packages section's parameters: workspace(s), contract, package, state, day. */
export function addonQuery(
  query: RawQuery,
  now: Date,
): {
  selection: ActivitySelection;
  filters: PackageFilters;
} {
  const reader = new QueryReader(query, [...SELECTION_PARAMS, 'packageId', 'state']);
  const selection = readSelection(reader, now);
  const filters = { packageId: reader.text('packageId'), state: reader.oneOf('state', STATES) };
  reader.done();
  return { selection, filters };
}

/** `addon-balances` as of a past moment: the add-on packages section as it stood then. */
export const addonBalancesAsOf: AsOfQuery = (view, scope, query, now) => {
  const { selection, filters } = addonQuery(query, now);
  return addonPackages(view, scope, selection, filters);
};

/** Customer Activity, add-on packages section (domain.md §4). */
@ApiTags('customer-activity')
@ApiBearerAuth()
@Controller('customer-activity')
export class AddonBalancesController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly scopes: CallerScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('addon-packages')
  @ApiOperation({
    summary:
      'Add-on packages mapped into the workspace(s): expiry, state on asOfDate, consumable balances and benefits',
  })
  async packages(@CurrentUser() user: AuthenticatedUser, @Query() query: AddonPackagesQueryDto) {
    const { selection, filters } = addonQuery(rawQuery(query), this.clock.now());
    const { minPosition } = query;
    const scope = await this.scopes.of(user, minPosition);
    const view = await this.readModels.view(ADDON_BALANCES, minPosition);
    return addonPackages(view, scope, selection, filters);
  }

  @Get('addon-packages/:packageId/records')
  @ApiOperation({
    summary:
      "An add-on package's consumption grid, newest delivery first (same record shape as the drill-downs; CSV: exports/addon-package-records.csv?packageId=)",
  })
  @ApiParam({ name: 'packageId' })
  @ApiOkResponse({ type: PackageRecordsSchema })
  @ApiResponse({ status: 404, description: "not_found: a package outside the caller's workspaces" })
  async records(
    @CurrentUser() user: AuthenticatedUser,
    @Param('packageId') packageId: string,
    @Query() query: PackageRecordsQueryDto,
  ) {
    const reader = new QueryReader(rawQuery(query), [...SELECTION_PARAMS, 'limit', 'cursor']);
    const selection = readSelection(reader, this.clock.now());
    const page = { limit: reader.limit(), cursor: reader.text('cursor') };
    reader.done();
    const { minPosition } = query;
    const scope = await this.scopes.of(user, minPosition);
    const view = await this.readModels.view(ADDON_BALANCES, minPosition);
    const answer = await packageRecords(view, scope, selection, packageId, page);
    const cases = await this.readModels.view('cases', minPosition);
    return { ...answer, records: await withholdUnseenCases(cases, scope, answer.records) };
  }
}
