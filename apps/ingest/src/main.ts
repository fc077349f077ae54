import 'reflect-metadata';
import { ApplicationModule } from '@hub/application/application.module';
import { RuntimeModule } from '@hub/runtime/runtime.module';
import { runProcess } from '@hub/runtime/run-process';
import { IngestModule } from './ingest.module';

// Ingest alone: consumes the delivery and directory topics into commands; serves /health only.
void runProcess({
  roles: { api: false, projector: false, ingest: true, workflows: false },
  root: (config) => ({
    module: class IngestProcess {},
    imports: [RuntimeModule.forRoot(config), ApplicationModule, IngestModule.forRoot(config)],
  }),
});
