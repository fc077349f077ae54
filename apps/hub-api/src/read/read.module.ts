import { Global, Module } from '@nestjs/common';
import { READ_CONTROLLERS } from '@hub/projections/controllers';
import { AuditController } from './audit.controller';
import { CallerScopes } from './caller-scope';
import { ProjectionsController } from './projections.controller';
import { ReadModels } from './read-models';

/** The query side: each projection's controller, projection status, audit. */
@Global()
@Module({
  controllers: [...READ_CONTROLLERS, ProjectionsController, AuditController],
  providers: [ReadModels, CallerScopes],
  exports: [ReadModels, CallerScopes],
})
export class ReadModule {}
