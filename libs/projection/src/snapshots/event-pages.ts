import { EventStore, GlobalPosition, RecordedEvent } from '@hub/event-store';

/**
 * Reads the events of `types` after `after` (null: from the start) in pages, up to the first
 * event `within` refuses (or the head), handing each page to `onPage` in order. Answers the
 * position of the last event handed over.
 */
export async function readEventPages(
  events: EventStore,
  types: readonly string[],
  after: GlobalPosition | null,
  within: ((event: RecordedEvent) => boolean) | GlobalPosition,
  onPage: (page: RecordedEvent[]) => void | Promise<void>,
  pageSize = 1000,
): Promise<GlobalPosition | null> {
  const accepts =
    typeof within === 'function' ? within : (event: RecordedEvent) => event.position <= within;
  let position = after;
  for (let done = false; !done;) {
    const page = await events.readAll({
      fromPosition: position ?? undefined,
      maxCount: pageSize,
      filter: { eventTypes: [...types] },
      deferMetadata: true,
    });
    // fromPosition is inclusive: the event at `position` was handed over already.
    const fresh = page.filter((event) => position === null || event.position > position);
    const outside = fresh.findIndex((event) => !accepts(event));
    const taken = outside < 0 ? fresh : fresh.slice(0, outside);
    done = page.length < pageSize || taken.length < fresh.length || fresh.length === 0;
    if (taken.length === 0) break;
    await onPage(taken);
    position = taken[taken.length - 1].position;
  }
  return position === after ? after : position;
}
