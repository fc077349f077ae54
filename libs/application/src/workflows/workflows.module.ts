import { DynamicModule, Module } from '@nestjs/common';
import { SCHEDULE_TICK_MS, ScheduleClock } from '../schedule/schedule-clock';
import { ScheduleBackfill } from '../schedule/schedule-backfill';
import { WorkflowRunner } from './workflow-runner';

/**
 * The workflows role: runs the reactions from the log after their checkpoint, so that what a
 * fact obliges the hub to do is done even when the process that recorded it died first; and
 * the clock, which fires the schedule's due times. Needs the ApplicationModule (the executor and
 * the steps) in the same process.
 */
@Module({})
export class WorkflowsModule {
  /** `tickMs`: how often the clock looks for due times (it also looks at start-up). */
  static forRoot(options: { tickMs: number }): DynamicModule {
    return {
      module: WorkflowsModule,
      providers: [
        WorkflowRunner,
        ScheduleBackfill,
        ScheduleClock,
        { provide: SCHEDULE_TICK_MS, useValue: options.tickMs },
      ],
      exports: [ScheduleClock],
    };
  }
}
