import { HubError } from '@hub/domain';

/** The projection had not applied the awaited position in time (api.md read-your-writes: 503). */
export class ProjectionLaggingError extends HubError {
  readonly status = 503;
  constructor(projection: string, position: string, checkpoint: string | null, state: string) {
    super(
      'projection_lagging',
      `projection ${projection} has not reached position ${position} yet`,
      {
        projection,
        position,
        checkpoint,
        state,
      },
    );
  }
}
