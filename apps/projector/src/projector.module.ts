import {
  Global,
  Inject,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@hub/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { HUB_CONFIG, HubConfig } from '@hub/api/config/hub-config';
import { ProjectionRunner } from './projection-runner';

/**
 * The projection runner in the Nest process. Every process that answers queries has one (it
 * names the build queries read and waits for positions); only one with the `projector` role
 * runs the workers that write read models.
 */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_MODEL_STORE],
      useFactory: (events: EventStore, readModels: ReadModelStore) =>
        new ProjectionRunner(events, readModels, ALL_PROJECTIONS),
    },
  ],
  exports: [ProjectionRunner],
})
export class ProjectorModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.roles.projector) await this.runner.start();
    else await this.runner.load();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
