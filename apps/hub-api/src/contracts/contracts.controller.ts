import { Body, Controller, Param, Post } from '@nestjs/common';
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
import { CommandContext } from '@hub/application/execution/command-context';
import { runCommand } from '@hub/application/execution/command';
import { contractCommands } from '@hub/application/contracts/contract.commands';
import { AddContractDto, ContractAddedAnswer } from './contract.dto';

/** Contract commands (api.md "Commands"). */
@ApiTags('contracts')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller()
export class ContractsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('agreements/:agreementId/contracts')
  @ApiOperation({ summary: 'Add a contract with its entitlements to an agreement (CSAM, AC)' })
  @ApiCreatedResponse({ type: ContractAddedAnswer })
  add(
    @Param('agreementId') agreementId: string,
    @Body() dto: AddContractDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandCtx() context: CommandContext,
  ): Promise<ContractAddedAnswer> {
    return this.commands.execute(
      runCommand(contractCommands.add, { ...dto, agreementId }, callerOf(user), context),
    );
  }
}
