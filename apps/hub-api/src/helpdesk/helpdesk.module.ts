import { Module } from '@nestjs/common';
import { CustomerIndex } from '../write/follow-ups/customer-index';
import { HelpDeskAgentChecks } from './helpdesk-agent-check';
import { HelpDeskController } from './helpdesk.controller';
import { OpenReadOnlySessionHandler, RemoveSuppressionHandler } from './helpdesk.handlers';
import { ReadOnlySessionStatus } from './readonly-session.status';
import {
  ConfirmVerificationCodeHandler,
  SendVerificationCodeHandler,
} from './verification.handlers';

/** Help Desk commands: verification codes, the suppression list, read-only sessions. */
@Module({
  controllers: [HelpDeskController],
  providers: [
    CustomerIndex,
    HelpDeskAgentChecks,
    SendVerificationCodeHandler,
    ConfirmVerificationCodeHandler,
    RemoveSuppressionHandler,
    OpenReadOnlySessionHandler,
    ReadOnlySessionStatus,
  ],
})
export class HelpDeskModule {}
