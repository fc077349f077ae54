import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { ValidationError } from '@hub/domain';
import { SubjectKeyStore } from '@hub/event-store';
import { AsOfQuery } from '../as-of-query';
import { ReadModels } from '@hub/projection/query/read-models';
import { ReadQueryDto } from '@hub/projection/query/query-params';
import { OrgQueryDto, SearchQueryDto } from './helpdesk.query.dto';
import { agentPartnerOf } from './helpdesk.scope';
import { SearchAnswer, parseSearchInput, searchCustomers } from './helpdesk.search';
import { OrgView, UserView, orgView, parseUsersLimit, userView } from './helpdesk.views';

class OrgHitEntry {
  @ApiProperty() orgId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) domains!: string[];
  @ApiProperty({ description: 'the attribute that matched best' }) matchedOn!: string;
  @ApiProperty({ description: 'higher is better: exact value > exact word > prefix, then field' })
  score!: number;
}

class UserHitEntry {
  @ApiProperty() userId!: string;
  @ApiProperty() orgId!: string;
  @ApiProperty() orgName!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() status!: string;
  @ApiProperty() matchedOn!: string;
  @ApiProperty() score!: number;
}

class SearchAnswerDto {
  @ApiProperty({ type: [OrgHitEntry] }) organizations!: OrgHitEntry[];
  @ApiProperty({ type: [UserHitEntry] }) users!: UserHitEntry[];
}

const PROJECTION = 'helpdesk';

/**
 * `helpdesk` as of a past moment, for auditors: `partnerId` names whose customers to answer
 * for, then `q` (search), `orgId` (organisation view) or `userId` (user view).
 */
export const helpdeskAsOf: AsOfQuery = (view, _scope, query, _now, addressKey) => {
  const partnerId = query.partnerId;
  if (!partnerId)
    throw new ValidationError('partnerId is required', {
      partnerId: ['name the partner whose Help Desk view to show'],
    });
  if (query.q !== undefined)
    return searchCustomers(view, partnerId, parseSearchInput(query, addressKey));
  if (query.orgId)
    return orgView(view, partnerId, query.orgId, {
      limit: parseUsersLimit(query.usersLimit),
      cursor: query.usersCursor,
    });
  if (query.userId) return userView(view, partnerId, query.userId);
  throw new ValidationError('say what to show', {
    q: ['give q (search), orgId (organisation view) or userId (user view)'],
  });
};

/**
 * Help Desk queries (domain.md §7) for agents of a partner: search, organisation view and user
 * view, only ever over the customers the partner manages. The role is granted in the hub
 * (HelpDeskAgentGranted), so it is read from this projection, not from the token.
 */
@ApiTags('helpdesk')
@ApiBearerAuth()
@Controller('helpdesk')
export class HelpDeskQueryController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly keys: SubjectKeyStore,
  ) {}

  @Get('search')
  @ApiOperation({
    summary:
      "Find the partner's customer organisations and users by name, id, domain, e-mail, meetings site or order number (HelpDeskAgent)",
  })
  @ApiOkResponse({ type: SearchAnswerDto })
  async search(
    @CurrentUser() user: AuthenticatedUser,
    @Query() { q, limit, minPosition }: SearchQueryDto,
  ): Promise<SearchAnswer> {
    const input = parseSearchInput({ q, limit }, (email) => this.keys.addressKey(email));
    const view = await this.readModels.view(PROJECTION, minPosition);
    const partnerId = await agentPartnerOf(view, user);
    return searchCustomers(view, partnerId, input);
  }

  @Get('orgs/:orgId')
  @ApiOperation({
    summary:
      'A customer organisation: created, sites, licences and subscriptions, administrators, users and devices (HelpDeskAgent)',
  })
  async org(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orgId') orgId: string,
    @Query() { usersLimit, usersCursor, minPosition }: OrgQueryDto,
  ): Promise<OrgView> {
    const limit = parseUsersLimit(usersLimit);
    const view = await this.readModels.view(PROJECTION, minPosition);
    const partnerId = await agentPartnerOf(view, user);
    return orgView(view, partnerId, orgId, { limit, cursor: usersCursor || undefined });
  }

  @Get('users/:userId')
  @ApiOperation({
    summary:
      'A user of a customer: status, last e-mail, licences, devices, features, suppression (HelpDeskAgent)',
  })
  async user(
    @CurrentUser() user: AuthenticatedUser,
    @Param('userId') userId: string,
    @Query() { minPosition }: ReadQueryDto,
  ): Promise<UserView> {
    const view = await this.readModels.view(PROJECTION, minPosition);
    const partnerId = await agentPartnerOf(view, user);
    return userView(view, partnerId, userId);
  }
}
