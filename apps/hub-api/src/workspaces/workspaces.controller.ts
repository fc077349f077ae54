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
import {
  CreateGroupDto,
  GrantRoleDto,
  GroupCreatedAnswer,
  InvitationDto,
  InvitationSentAnswer,
  MappingDto,
} from './workspace-membership.dto';
import { runCommand } from '@hub/application/execution/command';
import { workspaceCommands } from '@hub/application/workspaces/workspace.commands';

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
    return this.commands.execute(
      runCommand(workspaceCommands.create, dto, callerOf(user), context),
    );
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
    return this.commands.execute(
      runCommand(workspaceCommands.map, { ...dto, workspaceId }, callerOf(user), context),
    );
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
    return this.commands.execute(
      runCommand(workspaceCommands.invite, { ...dto, workspaceId }, callerOf(user), context),
    );
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
    return this.commands.execute(
      runCommand(workspaceCommands.grantRole, { ...dto, workspaceId }, callerOf(user), context),
    );
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
    const request = { workspaceId, userId, role: role as WorkspaceRole };
    return this.commands.execute(
      runCommand(workspaceCommands.revokeRole, request, callerOf(user), context),
    );
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
    return this.commands.execute(
      runCommand(workspaceCommands.removeMember, { workspaceId, userId }, callerOf(user), context),
    );
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
    return this.commands.execute(
      runCommand(workspaceCommands.createGroup, { ...dto, workspaceId }, callerOf(user), context),
    );
  }
}
