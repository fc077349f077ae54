import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { ValidationError } from '@hub/domain';
import { SubjectKeyStore } from '@hub/event-store';
import { AsOfQuery } from '../as-of-query';
import { ReadModels } from '@hub/projection/query/read-models';
import { ReadQueryDto } from '@hub/projection/query/query-params';
import { scopeFrom } from '@hub/projections/access/caller-scope';
import { ProjectionView } from '@hub/projection/projection-runner';
import { accessOf, pendingInvitations } from './access.queries';

class WorkspaceEntry {
  @ApiProperty() workspaceId!: string;
  @ApiProperty() agreementId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ type: [String] }) roles!: string[];
}

class WorkspacesAnswer {
  @ApiProperty({ type: [WorkspaceEntry] }) workspaces!: WorkspaceEntry[];
}

class InvitationEntry {
  @ApiProperty() invitationId!: string;
  @ApiProperty() workspaceId!: string;
  @ApiProperty() workspaceName!: string;
  @ApiProperty() invitedAt!: string;
}

class InvitationsAnswer {
  @ApiProperty({ type: [InvitationEntry] }) invitations!: InvitationEntry[];
}

async function workspacesOf(view: ProjectionView, userId: string): Promise<WorkspacesAnswer> {
  const access = await accessOf(view, userId);
  const workspaces = [...access.values()]
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name))
    .map(({ workspaceId, agreementId, name, isDefault, roles }) => ({
      workspaceId,
      agreementId,
      name,
      isDefault,
      roles,
    }));
  return { workspaces };
}

/** `access` as of a past moment: the workspaces and roles of `userId` then. */
export const accessAsOf: AsOfQuery = (view, _scope, query) => {
  if (!query.userId)
    throw new ValidationError('userId is required', {
      userId: ['name the user whose access to show'],
    });
  return workspacesOf(view, query.userId);
};

/** The caller's workspaces and pending invitations (from the access projection). */
@ApiTags('workspaces')
@ApiBearerAuth()
@Controller()
export class AccessController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly keys: SubjectKeyStore,
  ) {}

  @Get('workspaces')
  @ApiOperation({ summary: "The caller's workspaces with their roles" })
  @ApiOkResponse({ type: WorkspacesAnswer })
  async workspaces(
    @CurrentUser() user: AuthenticatedUser,
    @Query() { minPosition }: ReadQueryDto,
  ): Promise<WorkspacesAnswer> {
    const view = await this.readModels.view('access', minPosition);
    const scope = await scopeFrom(view, user);
    return workspacesOf(view, scope.userId);
  }

  @Get('invitations')
  @ApiOperation({ summary: "The caller's pending invitations, matched by the token's e-mail" })
  @ApiOkResponse({ type: InvitationsAnswer })
  async invitations(
    @CurrentUser() user: AuthenticatedUser,
    @Query() { minPosition }: ReadQueryDto,
  ): Promise<InvitationsAnswer> {
    if (!user.email) return { invitations: [] };
    const view = await this.readModels.view('access', minPosition);
    const pending = await pendingInvitations(view, this.keys.addressKey(user.email));
    return {
      invitations: pending
        .sort((a, b) => a.invitedAt.localeCompare(b.invitedAt))
        .map(({ invitationId, workspaceId, workspaceName, invitedAt }) => ({
          invitationId,
          workspaceId,
          workspaceName,
          invitedAt,
        })),
    };
  }
}
