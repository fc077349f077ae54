import 'reflect-metadata';
import { ApplicationModule } from '@hub/application/application.module';
import { WorkflowsModule } from '@hub/application/workflows/workflows.module';
import { RuntimeModule } from '@hub/runtime/runtime.module';
import { runProcess } from '@hub/runtime/run-process';

// The workflows alone: completes what recorded facts oblige the hub to do; serves /health only.
void runProcess({
  roles: { api: false, projector: false, ingest: false, workflows: true },
  root: (config) => ({
    module: class WorkflowsProcess {},
    imports: [
      RuntimeModule.forRoot(config),
      ApplicationModule,
      WorkflowsModule.forRoot({
        tickMs: config.scheduleTickMs,
        leases: { leaseMs: config.leaseMs },
      }),
    ],
  }),
});
