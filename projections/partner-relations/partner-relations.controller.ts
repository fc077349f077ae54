import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { ReadModels } from '@hub/projection/query/read-models';
import { QueryReader, RawQuery } from '@hub/projection/query/query-reader';
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

const minPositionOf = (query: RawQuery) =>
  typeof query.minPosition === 'string' ? query.minPosition : undefined;

/** GDAP relationships, service health and read-only sessions, each scoped to who asks. */
@ApiTags('partner-relations')
@ApiBearerAuth()
@Controller()
export class PartnerRelationsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('gdap-relationships')
  @ApiOperation({
    summary:
      "GDAP relationships with status, roles, end and autoExtend: the partner's admins and agents see their partner's, a customer's Customer Administrators their organisation's",
  })
  @ApiQuery({ name: 'partnerId', required: false })
  @ApiQuery({ name: 'customerOrgId', required: false })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: GdapRelationshipsAnswer })
  @ApiResponse({ status: 404, description: "not_found: another side's relationships" })
  async gdap(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RawQuery,
    @Req() request: { server?: unknown },
  ): Promise<GdapRelationshipsAnswer> {
    const reader = new QueryReader(query, ['partnerId', 'customerOrgId', 'minPosition']);
    const filter = {
      partnerId: reader.text('partnerId'),
      customerOrgId: reader.text('customerOrgId'),
    };
    reader.done();
    const view = await this.readModels.view('partner-relations', minPositionOf(query));
    return gdapRelationships(view, callerOf(user), filter, nowOf(request));
  }

  @Get('customers/:orgId/service-health')
  @ApiOperation({
    summary:
      "The customer's service incidents: its Customer Administrators, or a partner's AdminAgents under an active GDAP relationship",
  })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: ServiceHealthAnswer })
  @ApiResponse({ status: 404, description: "not_found: outside the caller's scope" })
  async health(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orgId') orgId: string,
    @Query() query: RawQuery,
    @Req() request: { server?: unknown },
  ): Promise<ServiceHealthAnswer> {
    new QueryReader(query, ['minPosition']).done();
    const view = await this.readModels.view('partner-relations', minPositionOf(query));
    return serviceHealth(view, callerOf(user), orgId, nowOf(request));
  }

  @Get('customers/:orgId/readonly-sessions')
  @ApiOperation({
    summary: 'Read-only sessions held on the organisation (its Customer Administrators)',
  })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: SessionsAnswer })
  @ApiResponse({ status: 404, description: 'not_found: not a Customer Administrator of the org' })
  async sessions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orgId') orgId: string,
    @Query() query: RawQuery,
    @Req() request: { server?: unknown },
  ): Promise<SessionsAnswer> {
    new QueryReader(query, ['minPosition']).done();
    const view = await this.readModels.view('partner-relations', minPositionOf(query));
    return readOnlySessions(view, callerOf(user), orgId, nowOf(request));
  }
}
