import { Module } from '@nestjs/common';
import { ActivateAgreementHandler, ChangeAccountPolicyHandler } from './agreement.handlers';
import { AgreementsController } from './agreements.controller';

/** Agreements: activation (with the default workspace) and the account-type policy. */
@Module({
  controllers: [AgreementsController],
  providers: [ActivateAgreementHandler, ChangeAccountPolicyHandler],
})
export class AgreementsModule {}
