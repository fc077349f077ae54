import { EventStore, GlobalPosition, RecordedEvent } from '@hub/event-store';
import { MemoryReadModelStore } from './memory-read-model-store';
import { Projection, buildPrefix, physicalCollection } from './projection';
import { applyEvents } from './projection-batch';
import { ProjectionView } from './projection-runner';

/** "As it stood": after the event at a position, or after the last event recorded by an instant (ISO). */
export type AsOf = { position: GlobalPosition } | { instant: string };

/** A projection folded in memory from history; query it like the live one. */
export interface AsOfView extends ProjectionView {
  store: MemoryReadModelStore;
  /** The last event applied (null when the projection had seen nothing by then). */
  position: GlobalPosition | null;
}

/**
 * Folds a projection from the beginning of history up to `asOf` into a fresh memory store,
 * with the same batch code the runner uses, so the same query functions answer "as it stood
 * then" (auditors' GET /v1/audit/projections/{name}?asOf=…).
 */
export async function foldAsOf(
  eventStore: EventStore,
  projection: Projection,
  asOf: AsOf,
  batchSize = 1000,
): Promise<AsOfView> {
  const store = new MemoryReadModelStore();
  const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
  const limit = 'instant' in asOf ? Date.parse(asOf.instant) : null;
  if (limit !== null && Number.isNaN(limit))
    throw new RangeError(`not an ISO instant: ${'instant' in asOf ? asOf.instant : ''}`);
  const within = (event: RecordedEvent): boolean =>
    'position' in asOf ? event.position <= asOf.position : Date.parse(event.recordedAt) <= limit!;
  let position: GlobalPosition | null = null;
  for (let done = false; !done;) {
    const page = await eventStore.readAll({
      fromPosition: position ?? undefined,
      maxCount: batchSize,
      filter: { eventTypes: projection.handles },
      deferMetadata: true,
    });
    const fresh = page.filter((event) => position === null || event.position > position);
    const outside = fresh.findIndex((event) => !within(event));
    const taken = outside < 0 ? fresh : fresh.slice(0, outside);
    done = page.length < batchSize || taken.length < fresh.length || fresh.length === 0;
    if (taken.length === 0) break;
    const last = taken[taken.length - 1].position;
    const { failure } = await applyEvents(store, projection, prefix, taken, last);
    if (failure)
      throw new Error(
        `${projection.name}: evolve failed at ${failure.event.type} ${failure.event.position}: ${String(failure.error)}`,
      );
    position = last;
  }
  return { store, position, collection: (collection) => physicalCollection(prefix, collection) };
}
