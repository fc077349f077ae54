import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { ProjectionView } from '@hub/projection/projection-runner';
import { ReadModels } from '@hub/projection/query/read-models';
import { ReadQueryDto, TextParam } from '@hub/projection/query/query-params';
import { nowOf } from '@hub/projection/query/request-clock';
import {
  RelationsCaller,
  gdapRelationships,
  readOnlySessions,
  serviceHealth,
} from './partner-relations.queries';

class GdapRelationshipEntry {
  @ApiProperty() relationshipId!: string;
  @ApiProperty() partnerId!: string;
  @ApiProperty() customerOrgId!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() durationDays!: number;
  @ApiProperty() autoExtend!: boolean;
  @ApiProperty({ enum: ['approval-pending', 'lapsed', 'active', 'expired', 'terminated'] })
  status!: string;
  @ApiProperty() requestedAt!: string;
  @ApiPropertyOptional({ nullable: true }) approvedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) endsAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) terminatedAt!: string | null;
}
class GdapRelationshipsAnswer {
  @ApiProperty({ type: [GdapRelationshipEntry] }) relationships!: GdapRelationshipEntry[];
}
class IncidentEntry {
  @ApiProperty() incidentId!: string;
  @ApiProperty() workload!: string;
  @ApiProperty({
    enum: ['investigating', 'service-degradation', 'service-interruption', 'restored', 'resolved'],
  })
  status!: string;
  @ApiProperty() title!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional({ nullable: true }) endedAt!: string | null;
}
class ServiceHealthAnswer {
  @ApiProperty({ type: [IncidentEntry] }) incidents!: IncidentEntry[];
}
class SessionEntry {
  @ApiProperty() sessionId!: string;
  @ApiProperty() agentUserId!: string;
  @ApiProperty() partnerId!: string;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional({ nullable: true }) endedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['expired', 'consent-withdrawn'] })
  endedBecause!: string | null;
}
class SessionsAnswer {
  @ApiProperty({ type: [SessionEntry] }) sessions!: SessionEntry[];
}

const READS_EVERYTHING = ['CSAM', 'AC', 'Auditor', 'Operator'];

function callerOf(user: AuthenticatedUser): RelationsCaller {
  return {
    userId: user.userId,
    all: user.roles.some((role) => READS_EVERYTHING.includes(role)),
    orgKind: user.orgKind,
    orgId: user.orgId,
    roles: user.roles,
  };
}

/** GET /v1/gdap-relationships. */
class GdapQueryDto extends ReadQueryDto {
  @TextParam('only this partner') partnerId?: string;
  @TextParam('only this customer organisation') customerOrgId?: string;
}

/** GDAP relationships, service health and read-only sessions, each scoped to who asks. */
@ApiTags('partner-relations')
@ApiBearerAuth()
@Controller()
export class PartnerRelationsController {
  constructor(private readonly readModels: ReadModels) {}

  /** Every route's answer: `read` of `what`, at the asked position, scoped to the caller, as of now. */
  private async answer<W, A>(
    read: (view: ProjectionView, caller: RelationsCaller, what: W, now: Date) => Promise<A>,
    what: W,
    user: AuthenticatedUser,
    minPosition: ReadQueryDto['minPosition'],
    request: { server?: unknown },
  ): Promise<A> {
    const view = await this.readModels.view('partner-relations', minPosition);
    return read(view, callerOf(user), what, nowOf(request));
  }

  @Get('gdap-relationships')
  @ApiOperation({
    summary:
      "GDAP relationships with status, roles, end and autoExtend: the partner's admins and agents see their partner's, a customer's Customer Administrators their organisation's",
  })
  @ApiOkResponse({ type: GdapRelationshipsAnswer })
  @ApiResponse({ status: 404, description: "not_found: another side's relationships" })
  async gdap(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: GdapQueryDto,
    @Req() request: { server?: unknown },
  ): Promise<GdapRelationshipsAnswer> {
    const filter = { partnerId: query.partnerId, customerOrgId: query.customerOrgId };
    return this.answer(gdapRelationships, filter, user, query.minPosition, request);
  }

  @Get('customers/:orgId/service-health')
  @ApiOperation({
    summary:
      "The customer's service incidents: its Customer Administrators, or a partner's AdminAgents under an active GDAP relationship",
  })
  @ApiOkResponse({ type: ServiceHealthAnswer })
  @ApiResponse({ status: 404, description: "not_found: outside the caller's scope" })
  async health(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orgId') orgId: string,
    @Query() { minPosition }: ReadQueryDto,
    @Req() request: { server?: unknown },
  ): Promise<ServiceHealthAnswer> {
    return this.answer(serviceHealth, orgId, user, minPosition, request);
  }

  @Get('customers/:orgId/readonly-sessions')
  @ApiOperation({
    summary: 'Read-only sessions held on the organisation (its Customer Administrators)',
  })
  @ApiOkResponse({ type: SessionsAnswer })
  @ApiResponse({ status: 404, description: 'not_found: not a Customer Administrator of the org' })
  async sessions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orgId') orgId: string,
    @Query() { minPosition }: ReadQueryDto,
    @Req() request: { server?: unknown },
  ): Promise<SessionsAnswer> {
    return this.answer(readOnlySessions, orgId, user, minPosition, request);
  }
}
