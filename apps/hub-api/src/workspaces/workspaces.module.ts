import { Module } from '@nestjs/common';
import { CreateWorkspaceHandler } from './create-workspace.handler';
import { WorkspaceAccess } from './workspace-access';
import { WorkspaceMembershipHandler } from './workspace-membership.handler';
import { WorkspacesController } from './workspaces.controller';

/** Workspaces: creation, mappings, invitations, roles, groups. */
@Module({
  controllers: [WorkspacesController],
  providers: [CreateWorkspaceHandler, WorkspaceMembershipHandler, WorkspaceAccess],
  exports: [WorkspaceAccess],
})
export class WorkspacesModule {}
