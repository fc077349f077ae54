import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { CLOCK, Clock, ForbiddenError, NotFoundError, dayOf } from '@hub/domain';
import { CallerScope, CallerScopes } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';
import { ADDON_BALANCES, addonQuery } from '../addon-balances/addon-balances.controller';
import { packagesCsv } from '../addon-balances/addon-balances.csv';
import { addonPackages } from '../addon-balances/addon-balances.queries';
import { allPackageRecords } from '../addon-balances/addon-package-records';
import {
  allExtraCases,
  extraCasesCsv,
  readExtraCasesParams,
} from '../extra-cases/extra-cases.queries';
import { withholdUnseenCases } from '../cases/case-references';
import { ActivityScope, coveredWorkspaces, mayExportEducation } from './customer-activity.access';
import { CUSTOMER_ACTIVITY } from './customer-activity.controller';
import { allRecords, recordsCsv } from './customer-activity.drilldown';
import {
  DRILLDOWN_VIEWS,
  DrilldownView,
  QueryReader,
  SELECTION_PARAMS,
  readSelection,
} from './customer-activity.params';
import { rawQuery } from '@hub/projection/query/query-params';
import {
  AddonPackagesQueryDto,
  DrilldownExportQueryDto,
  ExtraCasesExportQueryDto,
  PackageRecordsExportQueryDto,
} from './customer-activity.query.dto';

/** A drill-down view's file: `{view}.csv`; 404 for any other name. */
function drilldownView(file: string): DrilldownView {
  const view = /^([a-z-]+)\.csv$/.exec(file)?.[1];
  if (!view || !(DRILLDOWN_VIEWS as readonly string[]).includes(view))
    throw new NotFoundError(`Export ${file} not found`);
  return view as DrilldownView;
}

/**
 * The on-demand education report is the Learning Manager's export (domain.md §4): it needs
 * that role in the workspace(s), not Customer Activity; provider staff may export it too.
 */
function educationScope(scope: CallerScope, workspaceId: string): ActivityScope {
  const narrowed: ActivityScope = { ...scope, rule: mayExportEducation };
  const covered = coveredWorkspaces(narrowed, workspaceId);
  if (!covered.every && covered.workspaceIds.length === 0)
    throw new ForbiddenError('Exporting the education report needs the LearningManager role');
  return narrowed;
}

/** Answers a grid as a CSV attachment named for the view and the day. */
function attach(reply: FastifyReply, view: string, now: Date, csv: string): string {
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header(
    'content-disposition',
    `attachment; filename="customer-activity-${view}-${dayOf(now)}.csv"`,
  );
  return csv;
}

/**
 * Customer Activity grids as CSV, each with its route's parameters: the drill-downs' records,
 * the add-on packages, one package's records and the extra cases.
 */
@ApiTags('customer-activity')
@ApiBearerAuth()
@ApiProduces('text/csv')
@Controller('customer-activity/exports')
export class CustomerActivityExportsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly scopes: CallerScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('addon-packages.csv')
  @ApiOperation({ summary: 'The add-on packages grid as CSV (same parameters as its route)' })
  async addonPackages(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AddonPackagesQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const now = this.clock.now();
    const { minPosition, ...rest } = query;
    const { selection, filters } = addonQuery(rawQuery(rest), now);
    const scope = await this.scopes.of(user, minPosition);
    const readModel = await this.readModels.view(ADDON_BALANCES, minPosition);
    const { packages } = await addonPackages(readModel, scope, selection, filters);
    return attach(reply, 'addon-packages', now, packagesCsv(packages));
  }

  @Get('addon-package-records.csv')
  @ApiOperation({ summary: "One add-on package's consumption grid as CSV, every record" })
  async addonPackageRecords(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PackageRecordsExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const now = this.clock.now();
    const { minPosition, packageId, ...rest } = query;
    const reader = new QueryReader(rawQuery(rest), SELECTION_PARAMS);
    const selection = readSelection(reader, now);
    reader.done();
    const scope = await this.scopes.of(user, minPosition);
    const readModel = await this.readModels.view(ADDON_BALANCES, minPosition);
    const records = await allPackageRecords(readModel, scope, selection, packageId);
    const seen = await this.withCasesSeen(scope, records, minPosition);
    return attach(reply, 'addon-package-records', now, recordsCsv(seen));
  }

  @Get('extra-cases.csv')
  @ApiOperation({ summary: 'The extra cases as CSV, every one (Customer Activity access)' })
  async extraCases(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ExtraCasesExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const now = this.clock.now();
    const { minPosition, ...rest } = query;
    const scope = await this.scopes.of(user, minPosition);
    const params = readExtraCasesParams({ ...rawQuery(rest), limit: '200' }, now);
    const readModel = await this.readModels.view('extra-cases', minPosition);
    return attach(
      reply,
      'extra-cases',
      now,
      extraCasesCsv(await allExtraCases(readModel, scope, params)),
    );
  }

  @Get(':file')
  @ApiOperation({
    summary:
      "A drill-down's records as CSV: `{view}.csv`, same parameters as the drill-down but never paged (education needs LearningManager)",
  })
  @ApiParam({ name: 'file', enum: DRILLDOWN_VIEWS.map((view) => `${view}.csv`) })
  async drilldown(
    @CurrentUser() user: AuthenticatedUser,
    @Param('file') file: string,
    @Query() query: DrilldownExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const view = drilldownView(file);
    const now = this.clock.now();
    const { minPosition, unit, ...rest } = query;
    const reader = new QueryReader(rawQuery(rest), SELECTION_PARAMS);
    const selection = readSelection(reader, now);
    reader.done();
    const callerScope = await this.scopes.of(user, minPosition);
    const scope =
      view === 'education' ? educationScope(callerScope, selection.workspaceId) : callerScope;
    const readModel = await this.readModels.view(CUSTOMER_ACTIVITY, minPosition);
    const records = await allRecords(readModel, scope, selection, view, unit);
    return attach(
      reply,
      view,
      now,
      recordsCsv(await this.withCasesSeen(callerScope, records, minPosition)),
    );
  }

  /** Case references the caller may not see are withheld, as on the routes (domain.md §4). */
  private async withCasesSeen<R extends { reference: { kind: string; id: string } | null }>(
    scope: CallerScope,
    records: R[],
    minPosition: string | undefined,
  ): Promise<R[]> {
    return withholdUnseenCases(await this.readModels.view('cases', minPosition), scope, records);
  }
}
