import { Body, Delete, Param, Post, Put } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { agreementCommands } from '@hub/application/agreements/agreement.commands';
import { contractCommands } from '@hub/application/contracts/contract.commands';
import { AddContractDto, ContractAddedAnswer } from '../contracts/contract.dto';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import {
  AccountPolicyDto,
  ActivateAgreementDto,
  AgreementActivatedAnswer,
  BusinessCalendarDto,
  CustomerAdministratorDto,
  PositionAnswer,
} from './agreement.dto';

/** Agreement commands and the contracts added to an agreement (api.md "Commands"). */
@CommandsController('agreements', 'agreements')
export class AgreementsController extends CommandRoutes {
  @Post()
  @Answers(
    201,
    AgreementActivatedAnswer,
    'Activate an agreement; its default workspace and invitations follow (CSAM, AC)',
  )
  activate(@Body() dto: ActivateAgreementDto, @By() by: Issuer): Promise<AgreementActivatedAnswer> {
    return this.run(agreementCommands.activate, dto, by);
  }

  @Put(':agreementId/account-policy')
  @Answers(200, PositionAnswer, 'Allow or refuse personal accounts (Customer Administrator)')
  changeAccountPolicy(
    @Param('agreementId') agreementId: string,
    @Body() dto: AccountPolicyDto,
    @By() by: Issuer,
  ) {
    return this.run(agreementCommands.changeAccountPolicy, { ...dto, agreementId }, by);
  }

  @Put(':agreementId/calendar')
  @Answers(
    200,
    PositionAnswer,
    'Set the time zone and holidays business-time targets follow (CustomerAdministrator, CSAM, AC)',
  )
  @ApiResponse({ status: 400, description: 'validation_failed (timeZone, holidays)' })
  @ApiResponse({ status: 403, description: 'customer_administrator_required' })
  setCalendar(
    @Param('agreementId') agreementId: string,
    @Body() { timeZone, holidays }: BusinessCalendarDto,
    @By() by: Issuer,
  ) {
    return this.run(agreementCommands.setCalendar, { agreementId, timeZone, holidays }, by);
  }

  @Post(':agreementId/customer-administrators')
  @Answers(
    200,
    PositionAnswer,
    'Appoint a further Customer Administrator (CustomerAdministrator, CSAM, AC)',
  )
  @ApiResponse({ status: 403, description: 'customer_administrator_required' })
  @ApiResponse({ status: 404, description: 'agreement_not_found' })
  @ApiResponse({
    status: 409,
    description:
      'appointee_not_member: the user is a member of no workspace of the agreement and not a directory user of its customer organisation',
  })
  appointAdministrator(
    @Param('agreementId') agreementId: string,
    @Body() { userId }: CustomerAdministratorDto,
    @By() by: Issuer,
  ) {
    return this.run(agreementCommands.appointCustomerAdministrator, { agreementId, userId }, by);
  }

  @Delete(':agreementId/customer-administrators/:userId')
  @Answers(
    200,
    PositionAnswer,
    'Remove a Customer Administrator; never the last (409 last_customer_administrator)',
  )
  @ApiResponse({
    status: 404,
    description: 'agreement_not_found, customer_administrator_not_found',
  })
  @ApiResponse({ status: 409, description: 'last_customer_administrator' })
  removeAdministrator(
    @Param('agreementId') agreementId: string,
    @Param('userId') userId: string,
    @By() by: Issuer,
  ) {
    return this.run(agreementCommands.removeCustomerAdministrator, { agreementId, userId }, by);
  }

  @Post(':agreementId/contracts')
  @ApiTags('contracts')
  @Answers(
    201,
    ContractAddedAnswer,
    'Add a contract with its entitlements to an agreement (CSAM, AC)',
  )
  addContract(
    @Param('agreementId') agreementId: string,
    @Body() dto: AddContractDto,
    @By() by: Issuer,
  ) {
    return this.run(contractCommands.add, { ...dto, agreementId }, by);
  }
}
