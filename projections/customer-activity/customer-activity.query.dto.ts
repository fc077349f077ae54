import {
  CursorParam,
  DayParam,
  EnumParam,
  IntegerParam,
  ReadQueryDto,
  TextParam,
} from '@hub/projection/query/query-params';
import { MAX_PAGE } from './customer-activity.params';

/** Which workspace(s), contract and day every Customer Activity route reads (domain.md §4). */
export class SelectionQueryDto extends ReadQueryDto {
  @TextParam('a workspace id, or `all` (default)')
  workspaceId?: string;

  @TextParam('only this contract')
  contractId?: string;

  @DayParam('the day contract status and package state are judged on (default today)')
  asOfDate?: string;
}

/** GET /v1/customer-activity/exports/{view}.csv: a drill-down's records, never paged. */
export class DrilldownExportQueryDto extends SelectionQueryDto {
  @TextParam('e.g. credits, for proactive credits')
  unit?: string;
}

/** GET /v1/customer-activity/drilldowns/{category}: a page of them. */
export class DrilldownQueryDto extends DrilldownExportQueryDto {
  @IntegerParam(1, MAX_PAGE, 'page size', 100)
  limit?: string;

  @CursorParam()
  cursor?: string;
}

/** GET /v1/customer-activity/addon-packages (and its CSV). */
export class AddonPackagesQueryDto extends SelectionQueryDto {
  @TextParam('only this package')
  packageId?: string;

  @EnumParam(['active', 'inactive'], 'only packages in this state on asOfDate')
  state?: string;
}

/** GET /v1/customer-activity/addon-packages/{packageId}/records. */
export class PackageRecordsQueryDto extends SelectionQueryDto {
  @IntegerParam(1, MAX_PAGE, 'page size', 100)
  limit?: string;

  @CursorParam()
  cursor?: string;
}

/** GET /v1/customer-activity/exports/addon-package-records.csv. */
export class PackageRecordsExportQueryDto extends SelectionQueryDto {
  @TextParam('the package', { required: true })
  packageId!: string;
}

/** GET /v1/customer-activity/exports/extra-cases.csv: every extra case, never paged. */
export class ExtraCasesExportQueryDto extends ReadQueryDto {
  @TextParam('a workspace id, or `all` (default)')
  workspaceId?: string;

  @DayParam('the day contract expiry is judged on (default today)')
  asOfDate?: string;
}
