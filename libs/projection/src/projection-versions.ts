import { ReadModelStore } from '@hub/read-store';
import { ProjectionBuild } from './projection';

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

/** Removes a build's collections and checkpoint. */
export async function dropBuild(
  store: ReadModelStore,
  prefix: string,
  collections: readonly string[],
): Promise<void> {
  for (const collection of collections) await store.dropCollection(collection);
  await store.deleteCheckpoint(prefix);
}
