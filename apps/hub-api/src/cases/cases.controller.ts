import { Body, Param, Post } from '@nestjs/common';
import { RequireTokenRole } from '@hub/access';
import { caseCommands } from '@hub/application/cases/case.commands';
import { Answers, By, CommandRoutes, CommandsController, Issuer } from '../http/command-route';
import { PositionAnswer } from '../agreements/agreement.dto';
import {
  CaseOpenedAnswer,
  ChangeSeverityDto,
  CloseCaseDto,
  FirstResponseDto,
  GroupAccessDto,
  OpenCaseDto,
  ShareCaseDto,
} from './case.dto';

/** Support case commands (api.md "Commands"). */
@CommandsController('cases', 'cases')
export class CasesController extends CommandRoutes {
  @Post()
  @Answers(201, CaseOpenedAnswer, 'Open a case in a workspace (workspace member)')
  open(@Body() dto: OpenCaseDto, @By() by: Issuer): Promise<CaseOpenedAnswer> {
    return this.run(caseCommands.open, dto, by);
  }

  @Post(':caseId/shares')
  @Answers(
    201,
    PositionAnswer,
    'Share the case with a workspace member (primary contact, administrator)',
  )
  share(@Param('caseId') caseId: string, @Body() dto: ShareCaseDto, @By() by: Issuer) {
    return this.run(caseCommands.share, { caseId, userId: dto.userId }, by);
  }

  @Post(':caseId/group-access')
  @Answers(
    201,
    PositionAnswer,
    'Open the case to a group of the workspace (Workspace Administrator)',
  )
  grantGroupAccess(
    @Param('caseId') caseId: string,
    @Body() { groupId }: GroupAccessDto,
    @By() by: Issuer,
  ) {
    return this.run(caseCommands.grantGroupAccess, { caseId, groupId }, by);
  }

  @Post(':caseId/severity')
  @Answers(200, PositionAnswer, 'Change the severity (primary contact, administrator, Service)')
  changeSeverity(
    @Param('caseId') caseId: string,
    @Body() dto: ChangeSeverityDto,
    @By() by: Issuer,
  ) {
    return this.run(caseCommands.changeSeverity, { caseId, severity: dto.severity }, by);
  }

  @Post(':caseId/responses')
  @RequireTokenRole('Service')
  @Answers(200, PositionAnswer, 'Record the first response (Service)')
  respond(@Param('caseId') caseId: string, @Body() dto: FirstResponseDto, @By() by: Issuer) {
    const request = { caseId, respondedAt: dto.respondedAt };
    return this.run(caseCommands.recordFirstResponse, request, by);
  }

  @Post(':caseId/close')
  @Answers(200, PositionAnswer, 'Close the case (primary contact, Service)')
  close(@Param('caseId') caseId: string, @Body() { resolution }: CloseCaseDto, @By() by: Issuer) {
    return this.run(caseCommands.close, { caseId, resolution }, by);
  }
}
