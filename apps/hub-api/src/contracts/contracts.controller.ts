import { Body, Param, Post } from '@nestjs/common';
import { contractCommands } from '@hub/application/contracts/contract.commands';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import { AddContractDto, ContractAddedAnswer } from './contract.dto';

/** Contract commands (api.md "Commands"). */
@CommandsController('', 'contracts')
export class ContractsController extends CommandRoutes {
  @Post('agreements/:agreementId/contracts')
  @Answers(
    201,
    ContractAddedAnswer,
    'Add a contract with its entitlements to an agreement (CSAM, AC)',
  )
  add(
    @Param('agreementId') agreementId: string,
    @Body() dto: AddContractDto,
    @By() by: Issuer,
  ): Promise<ContractAddedAnswer> {
    return this.run(contractCommands.add, { ...dto, agreementId }, by);
  }
}
