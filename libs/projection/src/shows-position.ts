import { EventStore, GlobalPosition, RecordedEvent } from '@hub/event-store';

/**
 * How far behind the log a build may be for `showsPosition` to look between its checkpoint and
 * a position; a build further behind (catching up, rebuilding) is waited for as usual, so the
 * look never scans a long stretch of the log for a query.
 */
export const SHOWS_POSITION_LOOK_LIMIT = 256;

/**
 * Whether a build at `checkpoint` already shows what the log holds at `position`: its checkpoint
 * is there, or no event of the types it `handles` lies after its checkpoint up to `position`
 * (its documents are then the same at both, as a projection folds only those events). A query
 * with `minPosition` on a projection the command's events do not touch then needs no wait for
 * the projector to pass them. `position` must be in the log (at or before its head).
 */
export async function showsPosition(
  eventStore: EventStore,
  handles: readonly string[],
  checkpoint: GlobalPosition | null,
  position: GlobalPosition,
): Promise<boolean> {
  if (checkpoint !== null && checkpoint >= position) return true;
  const behind = await eventStore.countEventsAfter(checkpoint, SHOWS_POSITION_LOOK_LIMIT + 1);
  if (behind > SHOWS_POSITION_LOOK_LIMIT) return false;
  const next = await nextHandled(eventStore, handles, checkpoint);
  if (next !== undefined) return next.position > position;
  const head = await eventStore.headPosition();
  return head !== null && head >= position;
}

/** The first event of the types a build `handles` after its `checkpoint`, if the log holds one. */
export async function nextHandled(
  eventStore: EventStore,
  handles: readonly string[],
  checkpoint: GlobalPosition | null,
): Promise<RecordedEvent | undefined> {
  // Read from the checkpoint itself (inclusive, as every adapter takes a position it holds).
  const events = await eventStore.readAll({
    fromPosition: checkpoint ?? undefined,
    maxCount: 2,
    filter: { eventTypes: handles },
  });
  return events.find((event) => checkpoint === null || event.position > checkpoint);
}
