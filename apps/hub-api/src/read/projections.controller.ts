import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireTokenRole } from '@hub/access';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { ProjectionStatus } from '@hub/projection/projection-status';
import { CommandInterceptors } from '../http/command-route';
import { ProjectionStatusAnswer, ProjectionsAnswer } from './projections.answers';

/** Each projection's checkpoint, head and lag; rebuilds beside the live build (api.md). */
@ApiTags('projections')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  @RequireTokenRole('Operator', 'Auditor', 'Service')
  @ApiOperation({
    summary:
      'Checkpoint, head, lag and state of every projection, who runs it and any rebuild (Operator, Auditor, Service)',
  })
  @ApiOkResponse({ type: ProjectionsAnswer })
  async list(): Promise<{ projections: ProjectionStatus[] }> {
    return { projections: await this.runner.status() };
  }

  @Post(':name/rebuild')
  @CommandInterceptors()
  @HttpCode(202)
  @RequireTokenRole('Operator')
  @ApiOperation({
    summary:
      'Request a rebuild beside the live build, performed by the process running the projection; queries switch when it has caught up (Operator)',
  })
  @ApiAcceptedResponse({ type: ProjectionStatusAnswer })
  rebuild(@Param('name') name: string): Promise<ProjectionStatus> {
    return this.runner.requestRebuild(name);
  }
}
