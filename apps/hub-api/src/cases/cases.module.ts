import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CaseActionHandler, OpenCaseHandler } from './case.handlers';
import { CaseResponses } from './case-responses';
import { CasesController } from './cases.controller';

/** Support cases: opened in a workspace, shared, responded to, closed. */
@Module({
  imports: [WorkspacesModule],
  controllers: [CasesController],
  providers: [OpenCaseHandler, CaseActionHandler, CaseResponses],
  exports: [CaseResponses],
})
export class CasesModule {}
