import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationModule } from '@hub/application/application.module';
import { WorkflowsModule } from '@hub/application/workflows/workflows.module';
import { ProjectorModule } from '@hub/projection/projector.module';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { HubConfig } from '@hub/runtime/config/hub-config';
import { RuntimeModule, RuntimeOptions } from '@hub/runtime/runtime.module';
import { HubApiModule } from '../hub-api/src/hub-api.module';
import { IngestModule } from '../ingest/src/ingest.module';

/**
 * The roles HUB_ROLES names in one process (all by default) (`npm start`, and the e2e suite's test hub): the API, the projector
 * (running when HUB_ROLES names it, else only loading which build each projection serves), Kafka
 * (publisher, and the consumer when HUB_ROLES names ingest) and the workflows.
 */
@Module({})
export class HubModule {
  static forRoot(config: HubConfig, runtime: RuntimeOptions = {}): DynamicModule {
    return {
      module: HubModule,
      imports: [
        RuntimeModule.forRoot(config, runtime),
        ApplicationModule,
        // Without the api role, no route of api.md: only the probes and /metrics (RuntimeModule).
        ...(config.roles.api ? [HubApiModule.forRoot(config)] : []),
        ProjectorModule.forRoot({
          projections: ALL_PROJECTIONS,
          run: config.roles.projector,
          leaseMs: config.leaseMs,
          snapshotEvery: config.snapshotEvery,
        }),
        IngestModule.forRoot(config),
        ...(config.roles.workflows
          ? [
              WorkflowsModule.forRoot({
                tickMs: config.scheduleTickMs,
                leases: { leaseMs: config.leaseMs },
              }),
            ]
          : []),
      ],
    };
  }
}
