import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { CLOCK, Clock, ForbiddenError, NotFoundError, dayOf } from '@hub/domain';
import { CallerScope, CallerScopes } from '@hub/projections/access/caller-scope';
import { withholdUnseenCases } from '../cases/case-references';
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
import { ActivityScope, coveredWorkspaces, mayExportEducation } from './customer-activity.access';
import { CUSTOMER_ACTIVITY } from './customer-activity.controller';
import { allRecords, recordsCsv } from './customer-activity.drilldown';
import {
  DRILLDOWN_VIEWS,
  DrilldownView,
  QueryReader,
  RawQuery,
  SELECTION_PARAMS,
  minPositionOf,
  readSelection,
} from './customer-activity.params';

const EXPORT_VIEWS = [
  ...DRILLDOWN_VIEWS,
  'addon-packages',
  'addon-package-records',
  'extra-cases',
] as const;
type ExportView = (typeof EXPORT_VIEWS)[number];

function exportView(file: string): ExportView {
  const view = /^([a-z-]+)\.csv$/.exec(file)?.[1];
  if (!view || !(EXPORT_VIEWS as readonly string[]).includes(view))
    throw new NotFoundError(`Export ${file} not found`);
  return view as ExportView;
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

/** Customer Activity grids as CSV: the drill-downs' records and the add-on packages. */
@ApiTags('customer-activity')
@ApiBearerAuth()
@Controller('customer-activity/exports')
export class CustomerActivityExportsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly scopes: CallerScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':file')
  @ApiOperation({
    summary:
      'A grid as CSV: `{view}.csv` for a drill-down view or addon-packages, same parameters as its route (education needs LearningManager)',
  })
  @ApiParam({
    name: 'file',
    enum: EXPORT_VIEWS.map((view) => `${view}.csv`),
    description:
      'The view: a drill-down (also takes `unit`) or addon-packages (also takes `packageId`, `state`)',
  })
  @ApiQuery({ name: 'workspaceId', required: false, description: 'a workspace id, or `all`' })
  @ApiQuery({ name: 'contractId', required: false })
  @ApiQuery({ name: 'asOfDate', required: false, description: 'day YYYY-MM-DD (default today)' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiProduces('text/csv')
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('file') file: string,
    @Query() query: RawQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const view = exportView(file);
    const now = this.clock.now();
    const minPosition = minPositionOf(query);
    let csv: string;
    if (view === 'addon-package-records' || view === 'extra-cases') {
      csv = await this.otherGrid(view, user, query, minPosition);
    } else if (view === 'addon-packages') {
      const { selection, filters } = addonQuery(query, now);
      const scope = await this.scopes.of(user, minPosition);
      const readModel = await this.readModels.view(ADDON_BALANCES, minPosition);
      csv = packagesCsv((await addonPackages(readModel, scope, selection, filters)).packages);
    } else {
      const reader = new QueryReader(query, [...SELECTION_PARAMS, 'unit']);
      const selection = readSelection(reader, now);
      const unit = reader.text('unit');
      reader.done();
      const callerScope = await this.scopes.of(user, minPosition);
      const scope =
        view === 'education' ? educationScope(callerScope, selection.workspaceId) : callerScope;
      const readModel = await this.readModels.view(CUSTOMER_ACTIVITY, minPosition);
      const records = await allRecords(readModel, scope, selection, view as DrilldownView, unit);
      csv = recordsCsv(await this.withCasesSeen(callerScope, records, minPosition));
    }
    const day = dayOf(now);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header(
      'content-disposition',
      `attachment; filename="customer-activity-${view}-${day}.csv"`,
    );
    return csv;
  }

  /** The add-on package grid (`packageId=` required) and the extra-cases view, as CSV. */
  private async otherGrid(
    view: 'addon-package-records' | 'extra-cases',
    user: AuthenticatedUser,
    query: RawQuery,
    minPosition: string | undefined,
  ): Promise<string> {
    const scope = await this.scopes.of(user, minPosition);
    if (view === 'extra-cases') {
      const { minPosition: _m, ...rest } = query;
      const params = readExtraCasesParams({ ...rest, limit: '200' }, this.clock.now());
      const readModel = await this.readModels.view('extra-cases', minPosition);
      return extraCasesCsv(await allExtraCases(readModel, scope, params));
    }
    const reader = new QueryReader(query, [...SELECTION_PARAMS, 'packageId']);
    const selection = readSelection(reader, this.clock.now());
    const packageId = reader.text('packageId');
    if (packageId === undefined) reader.fail('packageId', 'is required');
    reader.done();
    const readModel = await this.readModels.view(ADDON_BALANCES, minPosition);
    const records = await allPackageRecords(readModel, scope, selection, packageId as string);
    return recordsCsv(await this.withCasesSeen(scope, records, minPosition));
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
