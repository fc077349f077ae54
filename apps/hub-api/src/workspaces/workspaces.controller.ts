import { Body, Delete, Param, Post } from '@nestjs/common';
import { ApiParam, ApiResponse } from '@nestjs/swagger';
import { WORKSPACE_ROLES, WorkspaceRole } from '@hub/domain/workspaces/workspace.events';
import { workspaceCommands } from '@hub/application/workspaces/workspace.commands';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
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

/** Workspace commands (api.md "Commands"). */
@CommandsController('workspaces', 'workspaces')
export class WorkspacesController extends CommandRoutes {
  @Post()
  @Answers(201, WorkspaceCreatedAnswer, 'Create an additional workspace (CSAM, AC)')
  create(@Body() dto: CreateWorkspaceDto, @By() by: Issuer): Promise<WorkspaceCreatedAnswer> {
    return this.run(workspaceCommands.create, dto, by);
  }

  @Post(':workspaceId/mappings')
  @Answers(201, PositionAnswer, 'Map a contract or an add-on package into the workspace (CSAM, AC)')
  map(@Param('workspaceId') workspaceId: string, @Body() dto: MappingDto, @By() by: Issuer) {
    return this.run(workspaceCommands.map, { ...dto, workspaceId }, by);
  }

  @Post(':workspaceId/invitations')
  @Answers(
    201,
    InvitationSentAnswer,
    'Invite someone by e-mail (Workspace or Customer Administrator)',
  )
  invite(
    @Param('workspaceId') workspaceId: string,
    @Body() dto: InvitationDto,
    @By() by: Issuer,
  ): Promise<InvitationSentAnswer> {
    return this.run(workspaceCommands.invite, { ...dto, workspaceId }, by);
  }

  @Post(':workspaceId/roles')
  @Answers(
    201,
    PositionAnswer,
    'Grant a member a workspace role (Workspace or Customer Administrator)',
  )
  grant(@Param('workspaceId') workspaceId: string, @Body() dto: GrantRoleDto, @By() by: Issuer) {
    return this.run(workspaceCommands.grantRole, { ...dto, workspaceId }, by);
  }

  @Delete(':workspaceId/roles/:role/users/:userId')
  @Answers(
    200,
    PositionAnswer,
    "Revoke a member's workspace role (Workspace or Customer Administrator)",
  )
  @ApiParam({ name: 'role', enum: WORKSPACE_ROLES })
  revoke(
    @Param('workspaceId') workspaceId: string,
    @Param('role') role: string,
    @Param('userId') userId: string,
    @By() by: Issuer,
  ) {
    const request = { workspaceId, userId, role: role as WorkspaceRole };
    return this.run(workspaceCommands.revokeRole, request, by);
  }

  @Delete(':workspaceId/members/:userId')
  @Answers(
    200,
    PositionAnswer,
    'Remove a member: every role there and every case visibility through the workspace end (Workspace or Customer Administrator)',
  )
  @ApiResponse({ status: 403, description: 'workspace_administrator_required' })
  @ApiResponse({ status: 404, description: 'workspace_not_found, member_not_found' })
  removeMember(
    @Param('workspaceId') workspaceId: string,
    @Param('userId') userId: string,
    @By() by: Issuer,
  ) {
    return this.run(workspaceCommands.removeMember, { workspaceId, userId }, by);
  }

  @Post(':workspaceId/groups')
  @Answers(201, GroupCreatedAnswer, 'Create a group of members (Workspace Administrator)')
  createGroup(
    @Param('workspaceId') workspaceId: string,
    @Body() dto: CreateGroupDto,
    @By() by: Issuer,
  ): Promise<GroupCreatedAnswer> {
    return this.run(workspaceCommands.createGroup, { ...dto, workspaceId }, by);
  }
}
