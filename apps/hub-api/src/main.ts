import 'reflect-metadata';
import { ProjectorModule } from '@hub/projection/projector.module';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { RuntimeModule } from '@hub/runtime/runtime.module';
import { runProcess } from '@hub/runtime/run-process';
import { createHubApp } from './app.factory';
import { HubApiModule } from './hub-api.module';

// The HTTP API alone: queries read the builds the projector process keeps (run it beside).
void runProcess({
  roles: { api: true, projector: false, ingest: false, workflows: false },
  root: (config) => ({
    module: class ApiProcess {},
    imports: [
      RuntimeModule.forRoot(config),
      HubApiModule.forRoot(config),
      ProjectorModule.forRoot({ projections: ALL_PROJECTIONS, run: false }),
    ],
  }),
  createApp: createHubApp,
});
