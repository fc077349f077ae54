import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireTokenRole } from '@hub/access';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { ProjectionStatus } from '@hub/projection/projection-status';

/** Each projection's checkpoint, head and lag; rebuilds beside the live build (api.md). */
@ApiTags('projections')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  @RequireTokenRole('Operator', 'Auditor', 'Service')
  @ApiOperation({
    summary: 'Checkpoint, head, lag and state of every projection (Operator, Auditor, Service)',
  })
  async list(): Promise<{ projections: ProjectionStatus[] }> {
    return { projections: await this.runner.status() };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @RequireTokenRole('Operator')
  @ApiOperation({
    summary:
      'Rebuild a projection beside the live build; queries switch when it has caught up (Operator)',
  })
  rebuild(@Param('name') name: string): Promise<ProjectionStatus> {
    return this.runner.requestRebuild(name);
  }
}
