import { Module } from '@nestjs/common';
import { WorkflowRunner } from './workflow-runner';

/**
 * The workflows role: runs the reactions from the log after their checkpoint, so that what a
 * fact obliges the hub to do is done even when the process that recorded it died first.
 * Needs the ApplicationModule (the executor and the steps) in the same process.
 */
@Module({ providers: [WorkflowRunner] })
export class WorkflowsModule {}
