import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequireTokenRole } from '@hub/access';
import { CommandCtx } from '../http/command-context.decorator';
import { partnerCallerOf } from '@hub/application/partners/partner-caller';
import { CommandContext } from '@hub/application/execution/command-context';
import { OpenPartnerCaseCommand } from '@hub/application/partner-cases/open-partner-case.handler';
import { OpenPartnerCaseDto, PartnerCaseOpenedAnswer } from './partner-case.dto';

/** Cases a partner files on behalf of its customers (domain.md §6). */
@ApiTags('partners')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('partners/:partnerId/cases')
export class PartnerCasesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequireTokenRole('AdminAgent')
  @ApiOperation({
    summary: 'File a case on behalf of a customer under an active GDAP relationship (AdminAgent)',
  })
  @ApiCreatedResponse({ type: PartnerCaseOpenedAnswer })
  open(
    @Param('partnerId') partnerId: string,
    @Body() dto: OpenPartnerCaseDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PartnerCaseOpenedAnswer> {
    return this.commands.execute(
      new OpenPartnerCaseCommand(partnerId, dto, partnerCallerOf(user), context),
    );
  }
}
