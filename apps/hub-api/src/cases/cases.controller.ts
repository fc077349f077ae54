import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequireTokenRole, callerOf } from '@hub/access';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import { PositionAnswer } from '../agreements/agreement.dto';
import {
  CaseOpenedAnswer,
  ChangeSeverityDto,
  CloseCaseDto,
  FirstResponseDto,
  GroupAccessDto,
  OpenCaseDto,
  ShareCaseDto,
} from './case.dto';
import { runCommand } from '@hub/application/execution/command';
import { caseCommands } from '@hub/application/cases/case.commands';

/** Support case commands (api.md "Commands"). */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('cases')
export class CasesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Open a case in a workspace (workspace member)' })
  @ApiCreatedResponse({ type: CaseOpenedAnswer })
  open(
    @Body() dto: OpenCaseDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<CaseOpenedAnswer> {
    return this.commands.execute(runCommand(caseCommands.open, dto, callerOf(user), context));
  }

  @Post(':caseId/shares')
  @ApiOperation({
    summary: 'Share the case with a workspace member (primary contact, administrator)',
  })
  @ApiCreatedResponse({ type: PositionAnswer })
  share(
    @Param('caseId') caseId: string,
    @Body() dto: ShareCaseDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(caseCommands.share, { caseId, userId: dto.userId }, callerOf(user), context),
    );
  }

  @Post(':caseId/group-access')
  @ApiOperation({ summary: 'Open the case to a group of the workspace (Workspace Administrator)' })
  @ApiCreatedResponse({ type: PositionAnswer })
  grantGroupAccess(
    @Param('caseId') caseId: string,
    @Body() dto: GroupAccessDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(
        caseCommands.grantGroupAccess,
        { caseId, groupId: dto.groupId },
        callerOf(user),
        context,
      ),
    );
  }

  @Post(':caseId/severity')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the severity (primary contact, administrator, Service)' })
  @ApiOkResponse({ type: PositionAnswer })
  changeSeverity(
    @Param('caseId') caseId: string,
    @Body() dto: ChangeSeverityDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(
        caseCommands.changeSeverity,
        { caseId, severity: dto.severity },
        callerOf(user),
        context,
      ),
    );
  }

  @Post(':caseId/responses')
  @HttpCode(200)
  @RequireTokenRole('Service')
  @ApiOperation({ summary: 'Record the first response (Service)' })
  @ApiOkResponse({ type: PositionAnswer })
  respond(
    @Param('caseId') caseId: string,
    @Body() dto: FirstResponseDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(
        caseCommands.recordFirstResponse,
        { caseId, respondedAt: dto.respondedAt },
        callerOf(user),
        context,
      ),
    );
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case (primary contact, Service)' })
  @ApiOkResponse({ type: PositionAnswer })
  close(
    @Param('caseId') caseId: string,
    @Body() dto: CloseCaseDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(
        caseCommands.close,
        { caseId, resolution: dto.resolution },
        callerOf(user),
        context,
      ),
    );
  }
}
