import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, callerOf } from '@hub/access';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '../write/command-context';
import { CreateWorkspaceDto, WorkspaceCreatedAnswer } from './create-workspace.dto';
import { CreateWorkspaceCommand } from './create-workspace.handler';

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
}
