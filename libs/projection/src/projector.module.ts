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
import {
  FOLLOW_MS,
  ProjectionRunner,
  ProjectionRunnerOptions,
  SWITCH_GRACE_MS,
} from './projection-runner';
import { isLeaseStore, processHolder } from './projection-leases';

/** Injection token for the list of projections the runner runs. */
export const PROJECTIONS = Symbol('Projections');
const PROJECTOR_RUNS = Symbol('ProjectorRuns');

/** Starts the runner with the application and stops it on shutdown (nothing else lives here). */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private following?: NodeJS.Timeout;
  private loading?: Promise<void>;

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(PROJECTOR_RUNS) private readonly runs: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A query-only process still learns which build each projection serves.
    await (this.runs ? this.runner.start() : this.runner.load());
    // A process that only queries follows the projector's switches to new builds.
    if (!this.runs) {
      this.following = setInterval(() => {
        this.loading ??= this.runner
          .load()
          .catch(() => undefined)
          .finally(() => (this.loading = undefined));
      }, FOLLOW_MS);
      this.following.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.following);
    await this.loading;
    await this.runner.stop();
  }
}

export interface ProjectorModuleOptions extends ProjectionRunnerOptions {
  projections: readonly Projection[];
  /** false in a process that only queries (the projector runs elsewhere); default true. */
  run?: boolean;
  /** The projections' lease time where the store keeps leases (default 10 s). */
  leaseMs?: number;
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
          ) =>
            new ProjectionRunner(events, store, projections, {
              switchGraceMs: SWITCH_GRACE_MS,
              // Where the store keeps leases, a running projector shares the projections with
              // any other: each runs in one process at a time, the others stand by.
              ...(options.run !== false && isLeaseStore(store)
                ? { leases: { store, holder: processHolder(), leaseMs: options.leaseMs } }
                : {}),
              ...options,
            }),
        },
        ProjectorLifecycle,
      ],
      exports: [ProjectionRunner, PROJECTIONS],
    };
  }
}
