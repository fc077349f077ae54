import 'reflect-metadata';
import { ProjectorModule } from '@hub/projection/projector.module';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { RuntimeModule } from '@hub/runtime/runtime.module';
import { runProcess } from '@hub/runtime/run-process';

// The projector alone: folds the log into every projection's read models; serves /health only.
void runProcess({
  roles: { api: false, projector: true, ingest: false, workflows: false },
  root: (config) => ({
    module: class ProjectorProcess {},
    imports: [
      RuntimeModule.forRoot(config),
      ProjectorModule.forRoot({
        projections: ALL_PROJECTIONS,
        run: true,
        leaseMs: config.leaseMs,
        snapshotEvery: config.snapshotEvery,
      }),
    ],
  }),
});
