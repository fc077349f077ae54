import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequireTokenRole } from '@hub/access';
import { CLOCK, Clock, NotFoundError } from '@hub/domain';
import { EVENT_STORE, EventStore, SubjectKeyStore, parsePosition } from '@hub/event-store';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { AS_OF_QUERIES } from '@hub/projections/queries';
import { AsOf, asOfView } from '@hub/projection/as-of';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { scopeFrom } from '@hub/projections/access/caller-scope';
import { customerAuditOrg, orgScope } from './customer-audit';
import {
  AccessAsOfDto,
  AddonBalancesAsOfDto,
  CasesAsOfDto,
  CustomerActivityAsOfDto,
  ExtraCasesAsOfDto,
  HelpDeskOrgAsOfDto,
  HelpDeskSearchAsOfDto,
  HelpDeskUserAsOfDto,
  PartnerRelationsAsOfDto,
} from './as-of.query.dto';

/** A validated `asOf` (AsOfParam): a position, else an instant. */
function asOfOf(raw: string): AsOf {
  const position = parsePosition(raw);
  return position !== null ? { position } : { instant: raw };
}

/** An access answer cut to the workspaces in scope (a customer Auditor asking about any user). */
function onlyWorkspacesOf(answer: unknown, workspaces: Map<string, unknown>) {
  const { workspaces: listed = [] } = answer as { workspaces?: { workspaceId: string }[] };
  return { workspaces: listed.filter((w) => workspaces.has(w.workspaceId)) };
}

const SUMMARY = (live: string) =>
  `As ${live} stood at a past instant or position (same parameters as the live route)`;

/**
 * Any read model as it stood then (Auditor): one route per projection, each with its live
 * route's parameters and `asOf`, so the document states what each takes.
 */
@ApiTags('audit')
@ApiBearerAuth()
@RequireTokenRole('Auditor')
@Controller('audit/projections')
export class AuditAsOfController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly keys: SubjectKeyStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  @Get('access')
  @ApiOperation({ summary: SUMMARY("a user's workspaces and roles") })
  access(@CurrentUser() user: AuthenticatedUser, @Query() query: AccessAsOfDto) {
    return this.answer('access', user, { ...query });
  }

  @Get('customer-activity')
  @ApiOperation({ summary: SUMMARY('GET /v1/customer-activity') })
  customerActivity(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CustomerActivityAsOfDto,
  ) {
    return this.answer('customer-activity', user, { ...query });
  }

  @Get('addon-balances')
  @ApiOperation({ summary: SUMMARY('GET /v1/customer-activity/addon-packages') })
  addonBalances(@CurrentUser() user: AuthenticatedUser, @Query() query: AddonBalancesAsOfDto) {
    return this.answer('addon-balances', user, { ...query });
  }

  @Get('cases')
  @ApiOperation({ summary: SUMMARY('GET /v1/cases (or one case with caseId)') })
  cases(@CurrentUser() user: AuthenticatedUser, @Query() query: CasesAsOfDto) {
    return this.answer('cases', user, { ...query });
  }

  @Get('extra-cases')
  @ApiOperation({ summary: SUMMARY('GET /v1/customer-activity/extra-cases') })
  extraCases(@CurrentUser() user: AuthenticatedUser, @Query() query: ExtraCasesAsOfDto) {
    return this.answer('extra-cases', user, { ...query });
  }

  @Get('helpdesk')
  @ApiOperation({ summary: SUMMARY("a partner's Help Desk search") })
  helpDeskSearch(@CurrentUser() user: AuthenticatedUser, @Query() query: HelpDeskSearchAsOfDto) {
    return this.answer('helpdesk', user, { ...query });
  }

  @Get('helpdesk/orgs/:orgId')
  @ApiOperation({ summary: SUMMARY("a partner's Help Desk organisation view") })
  helpDeskOrg(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orgId') orgId: string,
    @Query() query: HelpDeskOrgAsOfDto,
  ) {
    return this.answer('helpdesk', user, { ...query, orgId });
  }

  @Get('helpdesk/users/:userId')
  @ApiOperation({ summary: SUMMARY("a partner's Help Desk user view") })
  helpDeskUser(
    @CurrentUser() user: AuthenticatedUser,
    @Param('userId') userId: string,
    @Query() query: HelpDeskUserAsOfDto,
  ) {
    return this.answer('helpdesk', user, { ...query, userId });
  }

  @Get('partner-relations')
  @ApiOperation({
    summary: SUMMARY('GET /v1/gdap-relationships, …/service-health or …/readonly-sessions'),
  })
  partnerRelations(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PartnerRelationsAsOfDto,
  ) {
    return this.answer('partner-relations', user, { ...query });
  }

  private async answer(
    name: string,
    user: AuthenticatedUser,
    query: Record<string, string | undefined> & { asOf: string },
  ) {
    const projection = ALL_PROJECTIONS.find((p) => p.name === name)!;
    const org = customerAuditOrg(user);
    // The Help Desk view is the partner's, not the customer organisation's.
    if (org && name === 'helpdesk') throw new NotFoundError(`Projection ${name} not found`);
    for (let attempt = 1; ; attempt += 1) {
      // From the nearest snapshot of the served build, then the events up to `asOf`.
      const view = await asOfView(this.events, this.readModels, projection, asOfOf(query.asOf));
      const scope = org
        ? await orgScope(this.events, user, org, view.position ?? undefined)
        : { ...(await scopeFrom(view, user)), all: true };
      const result = await AS_OF_QUERIES[name](view, scope, query, this.clock.now(), (email) =>
        this.keys.addressKey(email),
      );
      // Retention dropped the snapshot while it was read (its rows may have gone), or snapshots
      // written meanwhile archived versions at a level its lookups did not ask for: again.
      if (attempt < 3 && !(await view.intact())) continue;
      return {
        projection: name,
        asOf: query.asOf,
        position: view.position?.toString() ?? null,
        answer: org && name === 'access' ? onlyWorkspacesOf(result, scope.workspaces) : result,
      };
    }
  }
}
