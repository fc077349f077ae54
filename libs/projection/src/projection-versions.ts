import { GlobalPosition, parsePosition } from '@hub/event-store';
import { ReadModelStore } from '@hub/read-store';
import { Projection, ProjectionBuild, buildPrefix, physicalCollection } from './projection';
import { snapshotCollections, snapshotMetas, snapshotRows } from './snapshots/snapshot-layout';

/** The read store's collection recording, per projection, which build queries read. */
export const PROJECTION_VERSIONS = 'projection_versions';

/** A build with the physical collections it owns (dropped when a newer build replaces it). */
export interface RecordedBuild extends ProjectionBuild {
  collections: string[];
}

/** What the read store records for one projection: the active build and any build in progress. */
export interface ProjectionVersions {
  id: string;
  active: RecordedBuild;
  pending?: RecordedBuild;
  switchedAt?: string;
}

export async function readVersions(
  store: ReadModelStore,
  name: string,
): Promise<ProjectionVersions | null> {
  return store.get<ProjectionVersions & Record<string, unknown>>(PROJECTION_VERSIONS, name);
}

/** One document write: switching the active build is atomic in every adapter. */
export async function writeVersions(
  store: ReadModelStore,
  versions: ProjectionVersions,
): Promise<void> {
  const doc: Record<string, unknown> = { id: versions.id, active: versions.active };
  if (versions.pending) doc.pending = versions.pending;
  if (versions.switchedAt) doc.switchedAt = versions.switchedAt;
  await store.put(PROJECTION_VERSIONS, versions.id, doc);
}

/**
 * Removes a build's collections, its snapshots and checkpoint. Snapshots are named from the
 * collections: a build recorded before snapshots existed lists none, yet may have written some.
 */
export async function dropBuild(
  store: ReadModelStore,
  prefix: string,
  collections: readonly string[],
): Promise<void> {
  const snapshots = collections
    .filter((c) => !c.startsWith(`${prefix}_snapshot`))
    .map((c) => snapshotRows(prefix, c.slice(prefix.length + 1)));
  const all = new Set([...collections, ...snapshots, snapshotMetas(prefix)]);
  for (const collection of all) await store.dropCollection(collection);
  await store.deleteCheckpoint(prefix);
}

/** A build with the physical names of its collections, as the versions document records it. */
export function recordedBuild(projection: Projection, build: ProjectionBuild): RecordedBuild {
  const prefix = buildPrefix(projection.name, build);
  return {
    ...build,
    collections: [
      ...projection.collections.map((c) => physicalCollection(prefix, c.name)),
      ...snapshotCollections(projection, prefix),
    ],
  };
}

/**
 * The build a projection serves, recorded as the code's on first sight, the checkpoint stored
 * for it (null: nothing applied yet), and the build in progress beside it, if any.
 */
export async function servedBuild(
  store: ReadModelStore,
  projection: Projection,
): Promise<{
  active: RecordedBuild;
  pending?: RecordedBuild;
  checkpoint: GlobalPosition | null;
}> {
  const code = recordedBuild(projection, { version: projection.version, generation: 0 });
  let versions = await readVersions(store, projection.name);
  if (!versions) await writeVersions(store, (versions = { id: projection.name, active: code }));
  const saved = await store.getCheckpoint(buildPrefix(projection.name, versions.active));
  return {
    active: versions.active,
    pending: versions.pending,
    checkpoint: saved?.position ? parsePosition(saved.position) : null,
  };
}
