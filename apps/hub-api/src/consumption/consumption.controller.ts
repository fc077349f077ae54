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
import { AuthenticatedUser, CurrentUser, RequireTokenRole } from '@hub/access';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import { ConsumptionAnswer, LogConsumptionDto, ReverseConsumptionDto } from './consumption.dto';
import { ConsumptionCommand } from '@hub/application/consumption/consumption.handler';

/** Consumption commands (api.md "Commands"): internal services and CSAMs report deliveries. */
@ApiTags('consumption')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@RequireTokenRole('Service', 'CSAM')
@Controller('consumption')
export class ConsumptionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Log delivered units of an entitlement (Service, CSAM)' })
  @ApiCreatedResponse({ type: ConsumptionAnswer })
  log(
    @Body() dto: LogConsumptionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<ConsumptionAnswer> {
    const delivered = { ...dto, reference: { ...dto.reference } };
    return this.commands.execute(
      new ConsumptionCommand({ kind: 'log', delivered, reportedBy: user.userId }, context),
    );
  }

  @Post(':consumptionId/reversal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reverse a consumption record (Service, CSAM)' })
  @ApiOkResponse({ type: ConsumptionAnswer })
  reverse(
    @Param('consumptionId') consumptionId: string,
    @Body() dto: ReverseConsumptionDto,
    @CommandCtx() context: CommandContext,
  ): Promise<ConsumptionAnswer> {
    return this.commands.execute(
      new ConsumptionCommand({ kind: 'reverse', consumptionId, reason: dto.reason }, context),
    );
  }
}
