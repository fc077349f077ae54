import { EventStore, GlobalPosition, RecordedEvent, parsePosition } from '@hub/event-store';
import { DocumentChange, ProjectionBatch, ReadModelStore } from '@hub/read-store';
import { Projection } from '../projection';
import { locateAll } from '../projection-batch';
import { readEventPages } from './event-pages';
import {
  SnapshotMeta,
  ensureSnapshotIndexes,
  latestSnapshot,
  positionKey,
  snapshotMetas,
} from './snapshot-layout';
import { metaId, retentionChanges } from './snapshot-retention';
import { versionChanges } from './snapshot-versions';

/** When a build snapshots its documents (ProjectionRunnerOptions). */
export interface SnapshotOptions {
  /** A snapshot once this many events the projection handles were committed since the last (0: never). */
  snapshotEvery: number;
  /** How many of the newest snapshots are all kept (see keepsSnapshot); at least 2. */
  snapshotKeepRecent: number;
  /**
   * How many of a snapshot's rows a live batch carries at least (one with more changes of its own
   * carries as many as it has); a catch-up window carries them all. The snapshot's metadata comes
   * with its last rows.
   */
  snapshotChunk: number;
}

/**
 * A snapshot decided at its checkpoint, whose rows ride along with the batches from that one on:
 * the rows left, and what closes it (its metadata and the retention policy's deletions).
 */
interface Unwritten {
  seq: number;
  position: GlobalPosition;
  rows: DocumentChange[];
  closing: DocumentChange[];
  /** Whether the batch at `position` (with the first rows) was committed. */
  started: boolean;
}

/** Events read but not committed yet: a page of a window, or a live batch. */
interface Seen {
  first: GlobalPosition;
  through: GlobalPosition;
  count: number;
  maxMs: number;
}

/**
 * Writes a build's snapshots (snapshot-layout.ts) with its checkpoints: once `snapshotEvery`
 * handled events were committed since the last snapshot, the versions of every document changed
 * since then are decided at the next batch's checkpoint, and written with that batch (a catch-up
 * window) or, live, with it and the ones after it, `snapshotChunk` rows or more at a time; the
 * snapshot's metadata (and the retention policy's deletions) come with the last rows. Written
 * at once, a snapshot of a live
 * projection (2,500 new documents at the default) held its checkpoint back by about 100 ms, and
 * every `minPosition` query behind it (bench:freshness). Until its metadata lands, no answer
 * reads the snapshot: the rows it has written are versions from its `seq` on, which a reader of
 * an earlier snapshot passes over, and the versions they replaced are kept as of then. A crash in
 * between leaves such rows; the next snapshot, numbered the same, writes over them.
 */
export class SnapshotWriter {
  private seq = 0;
  private recordedAtMs = 0;
  /** The last event handled by the last committed batch (a snapshot's `lastEvent`). */
  private lastEvent: string | null = null;
  private pending = 0;
  private seen: Seen[] = [];
  /** Documents changed since the last snapshot, by logical collection. */
  private dirty = new Map<string, Set<string>>();
  private unwritten: Unwritten | null = null;
  /** What of `unwritten` the batch on its way carries: its checkpoint, rows, and the closing. */
  private carried: { checkpoint: string; rows: number; closes: boolean } | null = null;

  constructor(
    private readonly store: ReadModelStore,
    private readonly events: EventStore,
    private readonly projection: Projection,
    private readonly prefix: string,
    private readonly options: SnapshotOptions,
  ) {}

  private get enabled(): boolean {
    return this.options.snapshotEvery > 0;
  }

  /**
   * Picks up after the last snapshot: the events committed since it (by an earlier process)
   * are read again and located, so the next snapshot knows which documents they changed.
   */
  async init(checkpoint: GlobalPosition | null): Promise<void> {
    if (!this.enabled) return;
    await ensureSnapshotIndexes(this.store, this.projection, this.prefix);
    const last = await latestSnapshot(this.store, this.prefix);
    this.seq = last?.seq ?? 0;
    this.recordedAtMs = last?.recordedAtMs ?? 0;
    this.lastEvent = last?.lastEvent ?? null;
    if (checkpoint === null) return;
    const after = last ? parsePosition(last.position)! : null;
    if (after !== null && checkpoint <= after) return;
    await readEventPages(this.events, this.projection.handles, after, checkpoint, (page) => {
      this.markDirty(locateAll(this.projection, page).flat());
      for (const event of page) this.recordedAtMs = Math.max(this.recordedAtMs, msOf(event));
      this.pending += page.length;
      this.lastEvent = page[page.length - 1].position.toString();
    });
  }

  /** Events about to be applied (committed by a later batch). */
  saw(events: readonly RecordedEvent[]): void {
    if (!this.enabled || events.length === 0) return;
    let maxMs = 0;
    for (const event of events) maxMs = Math.max(maxMs, msOf(event));
    const first = events[0].position;
    this.seen.push({
      first,
      through: events[events.length - 1].position,
      count: events.length,
      maxMs,
    });
  }

  /**
   * Whether the next commit writes a snapshot (a catch-up closes its window for it). While a
   * commit carrying one is on its way, the next is due once `snapshotEvery` events were seen
   * after it: the catch-up then waits for that commit, so snapshots keep their spacing however
   * long commits take (they were as far apart as the events evolved during one, 15,000-20,000
   * positions with `snapshotEvery` 2,000).
   */
  get due(): boolean {
    if (!this.enabled) return false;
    const under = this.unwritten;
    if (under === null) return this.pending + this.seenCount(null) >= this.options.snapshotEvery;
    // Rows of one still wait for later batches: no other before it is written.
    if (!this.carried?.closes) return false;
    const since = under.started
      ? this.pending + this.seenCount(null)
      : this.seenCount(null) - this.seenCount(under.position);
    return since >= this.options.snapshotEvery;
  }

  /**
   * The batch to commit instead: with a snapshot's rows when one is being written, or decided at
   * its checkpoint when one is due; all of them, or for a `live` batch the next chunk.
   */
  async extend(batch: ProjectionBatch, live = false): Promise<ProjectionBatch> {
    if (!this.enabled) return batch;
    this.markDirty(
      batch.changes.map((c) => ({ collection: this.logical(c.collection), id: c.id })),
    );
    // Its first batch was not committed (a failed commit, then another batch): decided again.
    if (
      this.unwritten &&
      !this.unwritten.started &&
      this.unwritten.position.toString() !== batch.checkpoint
    )
      this.unwritten = null;
    this.unwritten ??= await this.decide(batch);
    return this.carry(
      batch,
      live ? Math.max(this.options.snapshotChunk, batch.changes.length) : Infinity,
    );
  }

  /** The snapshot decided at `batch`'s checkpoint when one is due there, or null. */
  private async decide(batch: ProjectionBatch): Promise<Unwritten | null> {
    const target = parsePosition(batch.checkpoint)!;
    // A page only partly committed (an evolve failed in it) leaves its latest time unknown.
    if (this.seen.some((s) => s.first <= target && s.through > target)) return null;
    const count = this.pending + this.seenCount(target);
    if (count < this.options.snapshotEvery) return null;
    const seq = this.seq + 1;
    const done = this.seenUpTo(target);
    const meta: SnapshotMeta = {
      seq,
      position: batch.checkpoint,
      positionKey: positionKey(target),
      recordedAtMs: done.reduce((latest, s) => Math.max(latest, s.maxMs), this.recordedAtMs),
      lastEvent: done.length > 0 ? done[done.length - 1].through.toString() : this.lastEvent,
    };
    const rows: DocumentChange[] = [];
    const latest = new Map(batch.changes.map((c) => [`${c.collection}\u0000${c.id}`, c]));
    for (const [collection, ids] of this.dirty) {
      const changed = { collection, ids: [...ids], seq, latest };
      // One at a time: a window's snapshot can hold more rows than a call takes arguments.
      for (const row of await versionChanges(this.store, this.prefix, changed)) rows.push(row);
    }
    const keep = Math.max(2, this.options.snapshotKeepRecent);
    const closing: DocumentChange[] = [
      { kind: 'put', collection: snapshotMetas(this.prefix), id: metaId(seq), doc: meta },
      ...(await retentionChanges(this.store, this.projection, this.prefix, seq, keep)),
    ];
    return { seq, position: target, rows, closing, started: false };
  }

  /** `batch` with the next rows of the snapshot being written (and its closing, with the last). */
  private carry(batch: ProjectionBatch, room: number): ProjectionBatch {
    this.carried = null;
    if (!this.unwritten) return batch;
    const rows = this.unwritten.rows.slice(0, room);
    const closes = rows.length === this.unwritten.rows.length;
    this.carried = { checkpoint: batch.checkpoint, rows: rows.length, closes };
    const changes = [...batch.changes, ...rows, ...(closes ? this.unwritten.closing : [])];
    return { ...batch, changes };
  }

  /**
   * The batch that writes what is left of a snapshot under way, at `checkpoint` (the build's,
   * unchanged): for a projection that has nothing more to commit for now. Null when none is
   * (or its first batch is not committed yet).
   */
  rest(checkpoint: GlobalPosition): ProjectionBatch | null {
    if (!this.unwritten?.started) return null;
    const batch = { projection: this.prefix, changes: [], checkpoint: checkpoint.toString() };
    return this.carry(batch, Infinity);
  }

  /** A batch with checkpoint `position` was committed. */
  committed(position: GlobalPosition): void {
    if (!this.enabled) return;
    const done = this.seenUpTo(position);
    this.seen = this.seen.filter((s) => s.through > position);
    for (const s of done) this.recordedAtMs = Math.max(this.recordedAtMs, s.maxMs);
    if (done.length > 0) this.lastEvent = done[done.length - 1].through.toString();
    this.pending += done.reduce((sum, s) => sum + s.count, 0);
    const carried = this.carried;
    this.carried = null;
    const under = this.unwritten;
    if (under === null || carried?.checkpoint !== position.toString()) return;
    // Its first batch: what follows counts toward the next snapshot.
    if (!under.started) {
      this.seq = under.seq;
      this.pending = 0;
      this.dirty = new Map();
      under.started = true;
    }
    under.rows.splice(0, carried.rows);
    if (carried.closes) this.unwritten = null;
  }

  private markDirty(keys: readonly { collection: string; id: string }[]): void {
    for (const { collection, id } of keys) {
      let ids = this.dirty.get(collection);
      if (!ids) this.dirty.set(collection, (ids = new Set()));
      ids.add(id);
    }
  }

  /** A physical collection of the build as its logical name. */
  private logical(collection: string): string {
    return collection.slice(this.prefix.length + 1);
  }

  private seenUpTo(position: GlobalPosition): Seen[] {
    return this.seen.filter((s) => s.through <= position);
  }

  private seenCount(position: GlobalPosition | null): number {
    const counted = position === null ? this.seen : this.seenUpTo(position);
    return counted.reduce((sum, s) => sum + s.count, 0);
  }
}

function msOf(event: RecordedEvent): number {
  return Date.parse(event.recordedAt);
}
