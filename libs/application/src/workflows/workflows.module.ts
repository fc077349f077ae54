import { DynamicModule, Module } from '@nestjs/common';
import { SCHEDULE_TICK_MS, ScheduleClock } from '../schedule/schedule-clock';
import { ScheduleBackfill } from '../schedule/schedule-backfill';
import { WorkflowRunner } from './workflow-runner';
import { WORKFLOW_LEASE_OPTIONS, WorkflowLeaseOptions, WorkflowLeases } from './workflow-leases';

/**
 * The workflows role: runs the reactions from the log after their checkpoint, so that what a
 * fact obliges the hub to do is done even when the process that recorded it died first; and
 * the clock, which fires the schedule's due times; each in one process at a time (WorkflowLeases). Needs the ApplicationModule (the executor and
 * the steps) in the same process.
 */
@Module({})
export class WorkflowsModule {
  /**
   * `tickMs`: how often the clock looks for due times (it also looks at start-up); `leases`: the
   * lease time of the reactions and the clock (default 10 s).
   */
  static forRoot(options: { tickMs: number; leases?: WorkflowLeaseOptions }): DynamicModule {
    return {
      module: WorkflowsModule,
      providers: [
        WorkflowRunner,
        ScheduleBackfill,
        ScheduleClock,
        WorkflowLeases,
        { provide: SCHEDULE_TICK_MS, useValue: options.tickMs },
        { provide: WORKFLOW_LEASE_OPTIONS, useValue: options.leases ?? {} },
      ],
      exports: [ScheduleClock],
    };
  }
}
