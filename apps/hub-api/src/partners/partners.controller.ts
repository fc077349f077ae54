import { Body, Param, Post } from '@nestjs/common';
import { RequireTokenRole } from '@hub/access';
import { partnerCommands } from '@hub/application/partners/partner.commands';
import { partnerCallerOf } from '@hub/application/partners/partner-caller';
import { partnerCaseCommands } from '@hub/application/partner-cases/partner-case.commands';
import { OpenPartnerCaseDto, PartnerCaseOpenedAnswer } from '../partner-cases/partner-case.dto';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import { PositionAnswer } from '../agreements/agreement.dto';
import { GrantHelpDeskAgentDto, PartnerRegisteredAnswer, RegisterPartnerDto } from './partner.dto';

/** Partner commands, and the cases a partner files (domain.md §6). */
@CommandsController('partners', 'partners')
export class PartnersController extends CommandRoutes {
  @Post()
  @RequireTokenRole('CSAM', 'AC')
  @Answers(201, PartnerRegisteredAnswer, 'Register a CSP partner (CSAM, AC)')
  register(@Body() dto: RegisterPartnerDto, @By() by: Issuer): Promise<PartnerRegisteredAnswer> {
    return this.runAs(partnerCommands.register, dto, partnerCallerOf(by.user), by);
  }

  @Post(':partnerId/helpdesk-agents')
  @RequireTokenRole('PartnerAdmin')
  @Answers(201, PositionAnswer, "Grant HelpDeskAgent to one of the partner's users (PartnerAdmin)")
  grantHelpDeskAgent(
    @Param('partnerId') partnerId: string,
    @Body() dto: GrantHelpDeskAgentDto,
    @By() by: Issuer,
  ) {
    const request = { ...dto, partnerId };
    return this.runAs(partnerCommands.grantHelpDeskAgent, request, partnerCallerOf(by.user), by);
  }

  @Post(':partnerId/cases')
  @RequireTokenRole('AdminAgent')
  @Answers(
    201,
    PartnerCaseOpenedAnswer,
    'File a case on behalf of a customer under an active GDAP relationship (AdminAgent)',
  )
  openCase(
    @Param('partnerId') partnerId: string,
    @Body() dto: OpenPartnerCaseDto,
    @By() by: Issuer,
  ) {
    const request = { ...dto, partnerId };
    return this.runAs(partnerCaseCommands.open, request, partnerCallerOf(by.user), by);
  }
}
