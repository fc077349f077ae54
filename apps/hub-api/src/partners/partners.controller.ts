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
import { PositionAnswer } from '../agreements/agreement.dto';
import { CommandCtx } from '../http/command-context.decorator';
import { CommandContext } from '@hub/application/execution/command-context';
import { GrantHelpDeskAgentDto, PartnerRegisteredAnswer, RegisterPartnerDto } from './partner.dto';
import { runCommand } from '@hub/application/execution/command';
import { partnerCommands } from '@hub/application/partners/partner.commands';
import { partnerCallerOf } from '@hub/application/partners/partner-caller';

/** Partner commands (api.md "Commands"); on-behalf cases live in partner-cases/. */
@ApiTags('partners')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('partners')
export class PartnersController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequireTokenRole('CSAM', 'AC')
  @ApiOperation({ summary: 'Register a CSP partner (CSAM, AC)' })
  @ApiCreatedResponse({ type: PartnerRegisteredAnswer })
  register(
    @Body() dto: RegisterPartnerDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PartnerRegisteredAnswer> {
    return this.commands.execute(
      runCommand(partnerCommands.register, dto, partnerCallerOf(user), context),
    );
  }

  @Post(':partnerId/helpdesk-agents')
  @RequireTokenRole('PartnerAdmin')
  @ApiOperation({ summary: "Grant HelpDeskAgent to one of the partner's users (PartnerAdmin)" })
  @ApiCreatedResponse({ type: PositionAnswer })
  grantHelpDeskAgent(
    @Param('partnerId') partnerId: string,
    @Body() dto: GrantHelpDeskAgentDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(
        partnerCommands.grantHelpDeskAgent,
        { ...dto, partnerId },
        partnerCallerOf(user),
        context,
      ),
    );
  }
}
