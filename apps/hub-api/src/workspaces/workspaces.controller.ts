import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, callerOf } from '@hub/access';
import { WORKSPACE_ROLES, WorkspaceRole } from '@hub/domain/workspaces/workspace.events';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import { PositionAnswer } from '../agreements/agreement.dto';
import { CreateWorkspaceDto, WorkspaceCreatedAnswer } from './create-workspace.dto';
import { CreateWorkspaceCommand } from '@hub/application/workspaces/create-workspace.handler';
import {
  CreateGroupDto,
  GrantRoleDto,
  GroupCreatedAnswer,
  InvitationDto,
  InvitationSentAnswer,
  MappingDto,
} from './workspace-membership.dto';
import {
  WorkspaceMembershipCommand,
  WorkspaceRequest,
} from '@hub/application/workspaces/workspace-membership.handler';

/** Workspace commands (api.md "Commands"). */
@ApiTags('workspaces')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Create an additional workspace (CSAM, AC)' })
  @ApiCreatedResponse({ type: WorkspaceCreatedAnswer })
  create(
    @Body() dto: CreateWorkspaceDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<WorkspaceCreatedAnswer> {
    return this.commands.execute(new CreateWorkspaceCommand(dto, callerOf(user), context));
  }

  @Post(':workspaceId/mappings')
  @ApiOperation({ summary: 'Map a contract or an add-on package into the workspace (CSAM, AC)' })
  @ApiCreatedResponse({ type: PositionAnswer })
  map(
    @Param('workspaceId') workspaceId: string,
    @Body() dto: MappingDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.send(workspaceId, { kind: 'map', ...dto }, user, context);
  }

  @Post(':workspaceId/invitations')
  @ApiOperation({ summary: 'Invite someone by e-mail (Workspace or Customer Administrator)' })
  @ApiCreatedResponse({ type: InvitationSentAnswer })
  invite(
    @Param('workspaceId') workspaceId: string,
    @Body() dto: InvitationDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<InvitationSentAnswer> {
    return this.send(workspaceId, { kind: 'invite', ...dto }, user, context);
  }

  @Post(':workspaceId/roles')
  @ApiOperation({
    summary: 'Grant a member a workspace role (Workspace or Customer Administrator)',
  })
  @ApiCreatedResponse({ type: PositionAnswer })
  grant(
    @Param('workspaceId') workspaceId: string,
    @Body() dto: GrantRoleDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.send(workspaceId, { kind: 'grant', ...dto }, user, context);
  }

  @Delete(':workspaceId/roles/:role/users/:userId')
  @HttpCode(200)
  @ApiOperation({
    summary: "Revoke a member's workspace role (Workspace or Customer Administrator)",
  })
  @ApiParam({ name: 'role', enum: WORKSPACE_ROLES })
  @ApiOkResponse({ type: PositionAnswer })
  revoke(
    @Param('workspaceId') workspaceId: string,
    @Param('role') role: string,
    @Param('userId') userId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    const request = { kind: 'revoke' as const, userId, role: role as WorkspaceRole };
    return this.send(workspaceId, request, user, context);
  }

  @Delete(':workspaceId/members/:userId')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Remove a member: every role there and every case visibility through the workspace end (Workspace or Customer Administrator)',
  })
  @ApiOkResponse({ type: PositionAnswer })
  @ApiResponse({ status: 403, description: 'workspace_administrator_required' })
  @ApiResponse({ status: 404, description: 'workspace_not_found, member_not_found' })
  removeMember(
    @Param('workspaceId') workspaceId: string,
    @Param('userId') userId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.send(workspaceId, { kind: 'remove', userId }, user, context);
  }

  @Post(':workspaceId/groups')
  @ApiOperation({ summary: 'Create a group of members (Workspace Administrator)' })
  @ApiCreatedResponse({ type: GroupCreatedAnswer })
  createGroup(
    @Param('workspaceId') workspaceId: string,
    @Body() dto: CreateGroupDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<GroupCreatedAnswer> {
    return this.send(workspaceId, { kind: 'group', ...dto }, user, context);
  }

  private send<A>(
    workspaceId: string,
    request: WorkspaceRequest,
    user: AuthenticatedUser,
    context: CommandContext,
  ): Promise<A> {
    return this.commands.execute(
      new WorkspaceMembershipCommand(workspaceId, request, callerOf(user), context),
    );
  }
}
