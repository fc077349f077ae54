import { Module } from '@nestjs/common';
import { ActivateAgreementHandler, ChangeAccountPolicyHandler } from './agreement.handlers';
import { AgreementsController } from './agreements.controller';
import { AdministerAgreementHandler } from './agreement-administration.handler';

/** Agreements: activation (with the default workspace) and the account-type policy. */
@Module({
  controllers: [AgreementsController],
  providers: [ActivateAgreementHandler, ChangeAccountPolicyHandler, AdministerAgreementHandler],
})
export class AgreementsModule {}
