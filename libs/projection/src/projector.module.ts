import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@hub/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';

/** Injection token for the list of projections the runner runs. */
export const PROJECTIONS = Symbol('Projections');
const PROJECTOR_RUNS = Symbol('ProjectorRuns');

/** Starts the runner with the application and stops it on shutdown (nothing else lives here). */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(PROJECTOR_RUNS) private readonly runs: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A query-only process still learns which build each projection serves.
    await (this.runs ? this.runner.start() : this.runner.load());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

export interface ProjectorModuleOptions extends ProjectionRunnerOptions {
  projections: readonly Projection[];
  /** false in a process that only queries (the projector runs elsewhere); default true. */
  run?: boolean;
}

/**
 * Provides `ProjectionRunner` over the EVENT_STORE and READ_MODEL_STORE the application
 * provides (global or imported alongside).
 */
@Module({})
export class ProjectorModule {
  static forRoot(options: ProjectorModuleOptions): DynamicModule {
    return {
      module: ProjectorModule,
      global: true,
      providers: [
        { provide: PROJECTIONS, useValue: options.projections },
        { provide: PROJECTOR_RUNS, useValue: options.run ?? true },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_MODEL_STORE, PROJECTIONS],
          useFactory: (
            events: EventStore,
            store: ReadModelStore,
            projections: readonly Projection[],
          ) => new ProjectionRunner(events, store, projections, options),
        },
        ProjectorLifecycle,
      ],
      exports: [ProjectionRunner, PROJECTIONS],
    };
  }
}
