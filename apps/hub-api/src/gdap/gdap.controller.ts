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
import { PositionAnswer } from '../agreements/agreement.dto';
import { CommandCtx } from '../http/command-context.decorator';
import { partnerCallerOf } from '@hub/application/partners/partner-caller';
import { CommandContext } from '@hub/application/execution/command-context';
import { GdapRequestedAnswer, RequestGdapRelationshipDto } from './gdap.dto';
import { runCommand } from '@hub/application/execution/command';
import { gdapCommands } from '@hub/application/gdap/gdap.commands';

/** GDAP relationships between a partner and a customer (domain.md §6). */
@ApiTags('gdap')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('gdap-relationships')
export class GdapController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @RequireTokenRole('PartnerAdmin')
  @ApiOperation({ summary: 'Request a GDAP relationship with a customer (PartnerAdmin)' })
  @ApiCreatedResponse({ type: GdapRequestedAnswer })
  request(
    @Body() dto: RequestGdapRelationshipDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<GdapRequestedAnswer> {
    return this.commands.execute(
      runCommand(gdapCommands.request, dto, partnerCallerOf(user), context),
    );
  }

  @Post(':relationshipId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: "Approve a pending request (the customer's CustomerAdministrator)" })
  @ApiOkResponse({ type: PositionAnswer })
  approve(
    @Param('relationshipId') relationshipId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(gdapCommands.approve, { relationshipId }, partnerCallerOf(user), context),
    );
  }

  @Post(':relationshipId/terminate')
  @HttpCode(200)
  @ApiOperation({ summary: "End the relationship (the partner's PartnerAdmin or the customer)" })
  @ApiOkResponse({ type: PositionAnswer })
  terminate(
    @Param('relationshipId') relationshipId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<PositionAnswer> {
    return this.commands.execute(
      runCommand(gdapCommands.terminate, { relationshipId }, partnerCallerOf(user), context),
    );
  }
}
