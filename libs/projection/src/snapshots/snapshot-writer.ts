import { EventStore, GlobalPosition, RecordedEvent, parsePosition } from '@hub/event-store';
import { DocumentChange, ProjectionBatch, ReadModelStore } from '@hub/read-store';
import { Projection } from '../projection';
import { documentTexts, locateAll } from '../projection-batch';
import { readEventPages } from './event-pages';
import {
  OPEN,
  OPEN_KEY,
  SnapshotMeta,
  SnapshotRow,
  ensureSnapshotIndexes,
  latestSnapshot,
  positionKey,
  snapshotMetas,
  snapshotRows,
  versionKey,
} from './snapshot-layout';
import { metaId, retentionChanges, rowId } from './snapshot-retention';

/** When a build snapshots its documents (ProjectionRunnerOptions). */
export interface SnapshotOptions {
  /** A snapshot once this many events the projection handles were committed since the last (0: never). */
  snapshotEvery: number;
  /** How many of the newest snapshots are all kept (see keepsSnapshot); at least 2. */
  snapshotKeepRecent: number;
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
 * handled events were committed since the last snapshot, the next batch also carries the new
 * versions of every document changed since then, the snapshot's metadata and the retention
 * policy's deletions, so a snapshot lands exactly when its checkpoint does (or not at all).
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
  private written: { position: GlobalPosition; seq: number } | null = null;

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
    const since =
      this.written === null
        ? this.pending + this.seenCount(null)
        : this.seenCount(null) - this.seenCount(this.written.position);
    return since >= this.options.snapshotEvery;
  }

  /** The batch to commit instead: with a snapshot when one is due at its checkpoint. */
  async extend(batch: ProjectionBatch): Promise<ProjectionBatch> {
    if (!this.enabled) return batch;
    const target = parsePosition(batch.checkpoint)!;
    this.markDirty(
      batch.changes.map((c) => ({ collection: this.logical(c.collection), id: c.id })),
    );
    // A page only partly committed (an evolve failed in it) leaves its latest time unknown.
    if (this.seen.some((s) => s.first <= target && s.through > target)) return batch;
    const count = this.pending + this.seenCount(target);
    if (count < this.options.snapshotEvery) return batch;
    const seq = this.seq + 1;
    this.written = { position: target, seq };
    const done = this.seenUpTo(target);
    const meta: SnapshotMeta = {
      seq,
      position: batch.checkpoint,
      positionKey: positionKey(target),
      recordedAtMs: Math.max(this.recordedAtMs, ...done.map((s) => s.maxMs)),
      lastEvent: done.length > 0 ? done[done.length - 1].through.toString() : this.lastEvent,
    };
    const changes = [...batch.changes];
    const latest = new Map(batch.changes.map((c) => [`${c.collection}\u0000${c.id}`, c]));
    for (const [collection, ids] of this.dirty)
      changes.push(...(await this.versions(collection, [...ids], seq, latest)));
    changes.push({
      kind: 'put',
      collection: snapshotMetas(this.prefix),
      id: metaId(seq),
      doc: meta,
    });
    const keep = Math.max(2, this.options.snapshotKeepRecent);
    changes.push(...(await retentionChanges(this.store, this.projection, this.prefix, seq, keep)));
    return { ...batch, changes };
  }

  /** A batch with checkpoint `position` was committed. */
  committed(position: GlobalPosition): void {
    if (!this.enabled) return;
    const done = this.seenUpTo(position);
    this.seen = this.seen.filter((s) => s.through > position);
    for (const s of done) this.recordedAtMs = Math.max(this.recordedAtMs, s.maxMs);
    if (done.length > 0) this.lastEvent = done[done.length - 1].through.toString();
    this.pending += done.reduce((sum, s) => sum + s.count, 0);
    if (this.written?.position === position) {
      this.seq = this.written.seq;
      this.pending = 0;
      this.dirty = new Map();
    }
    this.written = null;
  }

  /** The row changes for documents of one collection changed since the last snapshot. */
  private async versions(
    collection: string,
    ids: string[],
    seq: number,
    latest: Map<string, DocumentChange>,
  ): Promise<DocumentChange[]> {
    const live = this.prefix + '_' + collection;
    const texts = new Map<string, string | null>();
    const unread: string[] = [];
    for (const id of ids) {
      const change = latest.get(`${live}\u0000${id}`);
      if (!change) unread.push(id);
      else
        texts.set(
          id,
          change.kind === 'delete'
            ? null
            : change.kind === 'put'
              ? JSON.stringify(change.doc)
              : change.json,
        );
    }
    for (const [id, text] of await documentTexts(this.store, live, unread)) texts.set(id, text);
    const rows = snapshotRows(this.prefix, collection);
    const current = new Map(
      (await this.store.getMany<SnapshotRow>(rows, ids)).map((row) => [row._doc, row]),
    );
    const changes: DocumentChange[] = [];
    for (const id of ids) {
      const text = texts.get(id) ?? null;
      const before = current.get(id);
      if (before && text !== null && JSON.stringify(before._d) === text) continue;
      if (!before && text === null) continue;
      if (before) {
        const archived = { ...before, _until: seq, _key: versionKey(before._from, seq) };
        changes.push({
          kind: 'put',
          collection: rows,
          id: rowId(id, before._from, seq),
          doc: archived,
        });
      }
      if (text === null) changes.push({ kind: 'delete', collection: rows, id });
      else
        changes.push({
          kind: 'putJson',
          collection: rows,
          id,
          json: `{"_doc":${JSON.stringify(id)},"_from":${seq},"_until":${OPEN},"_key":"${OPEN_KEY}","_d":${text}}`,
        });
    }
    return changes;
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
