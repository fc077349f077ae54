import { Body, Param, Post } from '@nestjs/common';
import { RequireTokenRole } from '@hub/access';
import { gdapCommands } from '@hub/application/gdap/gdap.commands';
import { partnerCallerOf } from '@hub/application/partners/partner-caller';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import { PositionAnswer } from '../agreements/agreement.dto';
import { GdapRequestedAnswer, RequestGdapRelationshipDto } from './gdap.dto';

/** GDAP commands (domain.md §6): a partner's caller, whichever side issues them. */
@CommandsController('gdap-relationships', 'gdap')
export class GdapController extends CommandRoutes {
  @Post()
  @RequireTokenRole('PartnerAdmin')
  @Answers(201, GdapRequestedAnswer, 'Request a GDAP relationship with a customer (PartnerAdmin)')
  request(@Body() dto: RequestGdapRelationshipDto, @By() by: Issuer): Promise<GdapRequestedAnswer> {
    return this.runAs(gdapCommands.request, dto, partnerCallerOf(by.user), by);
  }

  @Post(':relationshipId/approve')
  @Answers(200, PositionAnswer, "Approve a pending request (the customer's CustomerAdministrator)")
  approve(@Param('relationshipId') relationshipId: string, @By() by: Issuer) {
    return this.runAs(gdapCommands.approve, { relationshipId }, partnerCallerOf(by.user), by);
  }

  @Post(':relationshipId/terminate')
  @Answers(200, PositionAnswer, "End the relationship (the partner's PartnerAdmin or the customer)")
  terminate(@Param('relationshipId') relationshipId: string, @By() by: Issuer) {
    return this.runAs(gdapCommands.terminate, { relationshipId }, partnerCallerOf(by.user), by);
  }
}
