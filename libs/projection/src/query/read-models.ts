import { Injectable } from '@nestjs/common';
import { ValidationError } from '@hub/domain';
import { parsePosition } from '@hub/event-store';
import { ProjectionRunner, ProjectionView } from '../projection-runner';

/** How long a query waits for `minPosition` before 503 `projection_lagging`. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

/**
 * The read models queries read: the live build of a projection, after waiting (read-your-writes)
 * until it has applied `minPosition` when the caller gives one.
 */
@Injectable()
export class ReadModels {
  constructor(private readonly runner: ProjectionRunner) {}

  async view(projection: string, minPosition?: string): Promise<ProjectionView> {
    await this.runner.refresh(projection);
    if (minPosition !== undefined && minPosition !== '') {
      const position = parsePosition(minPosition);
      if (position === null) {
        throw new ValidationError('minPosition is not a position', {
          minPosition: ['must be a position returned by a command'],
        });
      }
      await this.runner.waitForPosition(projection, position, READ_YOUR_WRITES_TIMEOUT_MS);
    }
    return this.runner.view(projection);
  }
}
