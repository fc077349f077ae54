import { Module } from '@nestjs/common';
import { CreateWorkspaceHandler } from './create-workspace.handler';
import { WorkspacesController } from './workspaces.controller';

/** Workspaces: creation, mappings, invitations, roles, groups. */
@Module({
  controllers: [WorkspacesController],
  providers: [CreateWorkspaceHandler],
})
export class WorkspacesModule {}
