import { GlobalPosition } from '@hub/event-store';

/** The `position` of a command answer: the last event appended, or the stream's head for a no-op. */
export function positionOf(result: { position: GlobalPosition | null }): string {
  return result.position === null ? '0' : result.position.toString();
}
