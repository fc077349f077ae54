import { Body, Param, Post } from '@nestjs/common';
import { RequireTokenRole } from '@hub/access';
import { partnerCallerOf } from '@hub/application/partners/partner-caller';
import { OpenPartnerCaseCommand } from '@hub/application/partner-cases/open-partner-case.handler';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import { OpenPartnerCaseDto, PartnerCaseOpenedAnswer } from './partner-case.dto';

/** Cases a partner files (domain.md §6). */
@CommandsController('partners/:partnerId/cases', 'partners')
export class PartnerCasesController extends CommandRoutes {
  @Post()
  @RequireTokenRole('AdminAgent')
  @Answers(
    201,
    PartnerCaseOpenedAnswer,
    'File a case on behalf of a customer under an active GDAP relationship (AdminAgent)',
  )
  open(
    @Param('partnerId') partnerId: string,
    @Body() dto: OpenPartnerCaseDto,
    @By() by: Issuer,
  ): Promise<PartnerCaseOpenedAnswer> {
    const caller = partnerCallerOf(by.user);
    return this.commands.execute(new OpenPartnerCaseCommand(partnerId, dto, caller, by.context));
  }
}
