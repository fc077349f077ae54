export * from './projection';
export * from './projection-runner';
export * from './projection-status';
export * from './projection-versions';
export * from './projector.errors';
export * from './as-of';
export * from './memory-read-model-store';
export type { ProjectionFailure, WorkerState } from './projection-worker';
export * from './projector.module';
