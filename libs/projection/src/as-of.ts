import { EventStore, GlobalPosition, RecordedEvent, parsePosition } from '@hub/event-store';
import { ReadModelStore } from '@hub/read-store';
import { MemoryReadModelStore } from './memory-read-model-store';
import { Projection, buildPrefix, physicalCollection } from './projection';
import { HeldDocuments } from './held-documents';
import { applyEvents, evolveInto, locateAll, prefetchDocs } from './projection-batch';
import { ProjectionView } from './runner-entry';
import { readVersions } from './projection-versions';
import { readEventPages } from './snapshots/event-pages';
import {
  keysHold,
  latestSnapshot,
  maxLevelFor,
  nearestSnapshot,
  snapshotMetas,
} from './snapshots/snapshot-layout';
import { metaId } from './snapshots/snapshot-retention';
import { SnapshotViewStore } from './snapshots/snapshot-view-store';

/** "As it stood": after the event at a position, or after the last event recorded by an instant (ISO). */
export type AsOf = { position: GlobalPosition } | { instant: string };

/** A projection folded from history; query it like the live one. */
export interface AsOfView extends ProjectionView {
  /** The last event applied (null when the projection had seen nothing by then). */
  position: GlobalPosition | null;
  /**
   * Whether what was read is still the snapshot's: false once retention dropped it meanwhile
   * (its rows may have gone mid-read), and the answer is to be computed again.
   */
  intact(): Promise<boolean>;
}

function instantOf(asOf: AsOf): number | null {
  if (!('instant' in asOf)) return null;
  const limit = Date.parse(asOf.instant);
  if (Number.isNaN(limit)) throw new RangeError(`not an ISO instant: ${asOf.instant}`);
  return limit;
}

/** Whether an event is within `asOf` (at or before its position, or recorded by its instant). */
function withinOf(asOf: AsOf): (event: RecordedEvent) => boolean {
  const limit = instantOf(asOf);
  return (event) =>
    'position' in asOf ? event.position <= asOf.position : Date.parse(event.recordedAt) <= limit!;
}

function evolveFailed(projection: Projection, event: RecordedEvent, error: unknown): Error {
  return new Error(
    `${projection.name}: evolve failed at ${event.type} ${event.position}: ${String(error)}`,
  );
}

/**
 * Applies the projection's events after `after` up to `asOf` onto `store` (a fold stops at the
 * first event past an instant), with the batch code the runner uses. Answers the last applied.
 */
async function foldOnto(
  eventStore: EventStore,
  projection: Projection,
  store: ReadModelStore,
  prefix: string,
  after: GlobalPosition | null,
  asOf: AsOf,
  batchSize: number,
): Promise<GlobalPosition | null> {
  return pagesWithin(
    eventStore,
    projection,
    after,
    asOf,
    async (page) => {
      const last = page[page.length - 1].position;
      const { failure } = await applyEvents(store, projection, prefix, page, last);
      if (failure) throw evolveFailed(projection, failure.event, failure.error);
    },
    batchSize,
  );
}

/** Hands the projection's events after `after` up to `asOf` over page by page; answers the last. */
async function pagesWithin(
  eventStore: EventStore,
  projection: Projection,
  after: GlobalPosition | null,
  asOf: AsOf,
  onPage: (page: RecordedEvent[]) => Promise<void>,
  batchSize = 1000,
): Promise<GlobalPosition | null> {
  const last = await readEventPages(
    eventStore,
    projection.handles,
    after,
    withinOf(asOf),
    onPage,
    batchSize,
  );
  return last === after ? null : last;
}

/**
 * Folds the events after a snapshot up to `asOf` over it, as one window (as a catch-up does):
 * every document is fetched from the snapshot once, events read and change held objects, and
 * what they wrote is serialized once, at the end, into the view's overlay.
 */
async function foldTail(
  eventStore: EventStore,
  projection: Projection,
  view: SnapshotViewStore,
  prefix: string,
  after: GlobalPosition,
  asOf: AsOf,
): Promise<GlobalPosition | null> {
  const held = new HeldDocuments();
  const last = await pagesWithin(eventStore, projection, after, asOf, async (page) => {
    const located = locateAll(projection, page);
    await prefetchDocs((collection, ids) => view.byId(collection, ids), prefix, located, held);
    const { failure } = evolveInto(projection, held, page, located);
    if (failure) throw evolveFailed(projection, failure.event, failure.error);
  });
  view.overlayHeld(held);
  return last;
}

/**
 * Folds a projection from the beginning of history up to `asOf` into a fresh memory store,
 * with the same batch code the runner uses, so the same query functions answer "as it stood
 * then". The reference the snapshot-based answer (asOfView) is held to.
 */
export async function foldAsOf(
  eventStore: EventStore,
  projection: Projection,
  asOf: AsOf,
  batchSize = 1000,
): Promise<AsOfView> {
  const store = new MemoryReadModelStore();
  const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
  const position = await foldOnto(eventStore, projection, store, prefix, null, asOf, batchSize);
  return {
    store,
    position,
    collection: (collection) => physicalCollection(prefix, collection),
    intact: async () => true,
  };
}

/**
 * The answer auditors get (GET /v1/audit/projections/{name}?asOf=…): from the nearest snapshot
 * at or before `asOf` of the build queries read, plus the events between it and `asOf`; a query
 * on it reads only the snapshot's documents it asks for. Without a usable snapshot (none written
 * yet, or the served build is another code version's), the full fold.
 */
export async function asOfView(
  eventStore: EventStore,
  readStore: ReadModelStore,
  projection: Projection,
  asOf: AsOf,
): Promise<AsOfView> {
  const limit = instantOf(asOf);
  const build = (await readVersions(readStore, projection.name))?.active;
  if (!build || build.version !== projection.version) return foldAsOf(eventStore, projection, asOf);
  const prefix = buildPrefix(projection.name, build);
  const snapshot = await nearestSnapshot(
    readStore,
    prefix,
    'position' in asOf ? asOf : { instantMs: limit! },
  );
  if (!snapshot) return foldAsOf(eventStore, projection, asOf);
  const maxLevel = maxLevelFor((await latestSnapshot(readStore, prefix))?.seq ?? snapshot.seq);
  const store = new SnapshotViewStore(readStore, prefix, snapshot.seq, maxLevel);
  const after = parsePosition(snapshot.position)!;
  const folded = await foldTail(eventStore, projection, store, prefix, after, asOf);
  const position = folded ?? (snapshot.lastEvent ? parsePosition(snapshot.lastEvent) : null);
  return {
    store,
    position,
    collection: (collection) => physicalCollection(prefix, collection),
    // Retention deletes a snapshot's metadata before (or with) its rows; snapshots written
    // meanwhile may have archived versions at a level the lookups did not ask for.
    intact: async () =>
      (await readStore.get(snapshotMetas(prefix), metaId(snapshot.seq))) !== null &&
      keysHold(maxLevel, (await latestSnapshot(readStore, prefix))?.seq ?? 0),
  };
}
