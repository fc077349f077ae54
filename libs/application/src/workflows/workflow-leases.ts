import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import {
  LeaseOptions,
  ProjectionLeases,
  isLeaseStore,
  processHolder,
} from '@hub/projection/projection-leases';
import { ScheduleClock } from '../schedule/schedule-clock';
import { WorkflowRunner } from './workflow-runner';

/** What the workflows role runs, each under its own lease `workflow:<name>`. */
const REACTIONS = 'reactions';
const SCHEDULE = 'schedule';
export const workflowLease = (name: string): string => `workflow:${name}`;

/** Lease settings for the workflows (tests shorten the lease time). */
export const WORKFLOW_LEASE_OPTIONS = Symbol('WorkflowLeaseOptions');
export type WorkflowLeaseOptions = Partial<Pick<LeaseOptions, 'leaseMs' | 'renewEveryMs'>>;

/**
 * Runs the workflows where their leases are held: the reactions (WorkflowRunner, one checkpoint
 * for every workflow) and the schedule's firing (ScheduleClock) each in one process at a time,
 * whatever number of workflows processes share the stores; a standby takes either over within
 * the lease time of its holder dying. A read store without leases (memory) runs both here.
 */
@Injectable()
export class WorkflowLeases implements OnApplicationBootstrap, OnApplicationShutdown {
  private leases?: ProjectionLeases;

  constructor(
    private readonly runner: WorkflowRunner,
    private readonly clock: ScheduleClock,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(WORKFLOW_LEASE_OPTIONS) private readonly options: WorkflowLeaseOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!isLeaseStore(this.store)) {
      this.runner.begin();
      this.clock.begin();
      return;
    }
    const leases = new ProjectionLeases(
      { store: this.store, holder: processHolder(), ...this.options },
      [REACTIONS, SCHEDULE],
      {
        run: async (name) => {
          if (name === REACTIONS) this.runner.begin(leases.fence(REACTIONS));
          else this.clock.begin(() => leases.confirm(SCHEDULE));
        },
        stop: (name) => (name === REACTIONS ? this.runner.end() : this.clock.end()),
      },
      workflowLease,
      new Logger('WorkflowLeases'),
    );
    this.leases = leases;
    await leases.begin();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.clock.end();
    await this.runner.end();
    await this.leases?.end();
  }
}
