import { GlobalPosition, parsePosition } from '@hub/event-store';
import { Document, Filter, ReadModelStore } from '@hub/read-store';
import { Projection, physicalCollection } from '../projection';

/**
 * How a build's snapshots are kept in the read store, beside its documents.
 *
 * Snapshots are numbered 1, 2, … (`seq`). One collection per logical collection holds every
 * version a document had at a snapshot: a row `{ _doc, _from, _until, _key, _d }` says document
 * `_doc` was `_d` at every snapshot from `_from` to `_until` − 1, and a snapshot writes only the
 * documents changed since the one before (the disk grows with changes, not with copies). The
 * row of a document's current version has the document's id (`_until` = OPEN); an older version
 * is kept under `id@from`. A metadata collection lists the snapshots.
 *
 * Finding the rows alive at snapshot k (`_from ≤ k < _until`) must not read every version of a
 * document, or answers slow down as history grows. So each row carries a key (`_key`): a
 * current version `open`; an older one `L:b`, where its span [from, until − 1] lies within the
 * aligned block b of 2^L snapshots and crosses that block's middle (L is the bit length of
 * from XOR (until − 1)). A version alive at k lies in the block of k at its level, and two
 * versions of one document cannot both cross one middle, so the rows alive at k are among the
 * rows whose key is `open` or `L:(k >> L)` for each level L — one per document and key, found
 * through indexes that end in `_key` (see keysAt).
 *
 * Layout 2: the tables are `snapshots2_…`. Layout 1 (`snapshot_…`, without keys) is ignored by
 * as-of answers and dropped with its build.
 */
export const OPEN = 2 ** 31;

/** One snapshot: where it stands in the log and what it covers. */
export interface SnapshotMeta {
  [key: string]: unknown;
  seq: number;
  /** The checkpoint it was written with (decimal string). */
  position: string;
  /** The position zero-padded, so the store compares it as text. */
  positionKey: string;
  /**
   * The latest `recordedAt` (epoch ms) of the events it holds: usable for an instant from then
   * on. A running maximum, so it never decreases from one snapshot to the next.
   */
  recordedAtMs: number;
  /** The last event it holds (decimal string; null: none yet), the position an as-of answers. */
  lastEvent: string | null;
}

/** A version row as stored. */
export interface SnapshotRow {
  [key: string]: unknown;
  _doc: string;
  _from: number;
  _until: number;
  _key: string;
  _d: Document;
}

export function snapshotRows(prefix: string, collection: string): string {
  return physicalCollection(prefix, `snapshots2_${collection}`);
}

export function snapshotMetas(prefix: string): string {
  return `${prefix}_snapshots2`;
}

/** The key of the current version of a document. */
export const OPEN_KEY = 'open';

/** The key of a version alive from snapshot `from` to `until` − 1 (see the layout above). */
export function versionKey(from: number, until: number): string {
  if (until === OPEN) return OPEN_KEY;
  const level = bitLength(from ^ (until - 1));
  return `${level}:${from >> level}`;
}

/**
 * The highest level of an older version while no snapshot above `latest` exists: its span
 * ends before `latest`. One level more than today's, so that snapshots written while an answer
 * is read seldom invalidate it (see keysHold).
 */
export function maxLevelFor(latest: number): number {
  return bitLength(latest) + 1;
}

/** Whether keys up to `maxLevel` still find every version, now that `latest` is the newest. */
export function keysHold(maxLevel: number, latest: number): boolean {
  return bitLength(latest) <= maxLevel;
}

/** The keys a row alive at snapshot `seq` can have (older versions up to `maxLevel`). */
export function keysAt(seq: number, maxLevel: number): string[] {
  const keys = [OPEN_KEY];
  for (let level = 0; level <= maxLevel; level += 1) keys.push(`${level}:${seq >> level}`);
  return keys;
}

function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

/** Every collection a build's snapshots use (dropped with the build). */
export function snapshotCollections(projection: Projection, prefix: string): string[] {
  return [
    ...projection.collections.map((c) => snapshotRows(prefix, c.name)),
    snapshotMetas(prefix),
  ];
}

/** Every document of `collection` matching `filter`, read page by page. */
export async function findEvery<T extends Document>(
  store: ReadModelStore,
  collection: string,
  filter?: Filter,
): Promise<T[]> {
  const found: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.find<T>(collection, { filter, limit: 5000, cursor });
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/** Positions as text of one width, so `$lte` on text orders them as numbers. */
export function positionKey(position: GlobalPosition | bigint): string {
  return position.toString().padStart(20, '0');
}

export function metaPosition(meta: SnapshotMeta): GlobalPosition {
  return parsePosition(meta.position)!;
}

/**
 * The rows alive at snapshot `seq` (older versions up to `maxLevel`), narrowed by a query's
 * filter on the documents.
 */
export function rowsAt(seq: number, maxLevel: number, filter: Filter = {}): Filter {
  const rows: Filter = {
    _key: { $in: keysAt(seq, maxLevel) },
    _from: { $lte: seq },
    _until: { $gt: seq },
  };
  for (const [field, condition] of Object.entries(filter)) rows[`_d.${field}`] = condition;
  return rows;
}

/**
 * Indexes the rows need: by document id, and the projection's own (on the nested document),
 * each ending in the key, so a lookup seeks one row per document and key.
 */
export async function ensureSnapshotIndexes(
  store: ReadModelStore,
  projection: Projection,
  prefix: string,
): Promise<void> {
  for (const collection of projection.collections) {
    const rows = snapshotRows(prefix, collection.name);
    await store.ensureIndex(rows, ['_doc', '_key']);
    for (const fields of collection.indexes ?? [])
      await store.ensureIndex(rows, [...fields.map((field) => `_d.${field}`), '_key']);
  }
}

/**
 * The newest snapshot usable for an as-of: at or before `position`, or holding only events
 * recorded by `instantMs`.
 */
export async function nearestSnapshot(
  store: ReadModelStore,
  prefix: string,
  asOf: { position: GlobalPosition } | { instantMs: number },
): Promise<SnapshotMeta | null> {
  const filter: Filter =
    'position' in asOf
      ? { positionKey: { $lte: positionKey(asOf.position) } }
      : { recordedAtMs: { $lte: asOf.instantMs } };
  const page = await store.find<SnapshotMeta>(snapshotMetas(prefix), {
    filter,
    sort: [{ field: 'seq', direction: 'desc' }],
    limit: 1,
  });
  return page.items[0] ?? null;
}

/** The newest snapshot of a build, if any. */
export async function latestSnapshot(
  store: ReadModelStore,
  prefix: string,
): Promise<SnapshotMeta | null> {
  const page = await store.find<SnapshotMeta>(snapshotMetas(prefix), {
    sort: [{ field: 'seq', direction: 'desc' }],
    limit: 1,
  });
  return page.items[0] ?? null;
}
