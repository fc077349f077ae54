import { randomUUID } from 'node:crypto';
import { Document, ReadModelStore } from '@hub/read-store';
import { ProgressEstimate } from './projector-log';

/**
 * Rebuilds are requested through the read store: any api process records the request, the
 * process holding the projection's lease performs it. One document per projection (a second
 * request before the first is taken asks for the same thing).
 */
export const REBUILD_REQUESTS = 'projection_rebuild_requests';
/** The latest progress estimate of each build catching up, for processes that do not run it. */
export const PROJECTION_PROGRESS = 'projection_progress';

export interface RebuildRequest {
  /** The projection's name. */
  id: string;
  /** Tells this request from a later one for the same projection. */
  request: string;
  requestedAt: string;
}

export interface StoredProgress extends ProgressEstimate {
  /** The build's prefix. */
  id: string;
  at: string;
}

export async function recordRebuildRequest(
  store: ReadModelStore,
  name: string,
  now: Date,
): Promise<RebuildRequest> {
  const request = { id: name, request: randomUUID(), requestedAt: now.toISOString() };
  await store.put(REBUILD_REQUESTS, name, { ...request });
  return request;
}

/** Every request not yet taken, by projection name. */
export async function rebuildRequests(store: ReadModelStore): Promise<Map<string, RebuildRequest>> {
  const page = await store.find<RebuildRequest & Document>(REBUILD_REQUESTS, { limit: 1000 });
  return new Map(page.items.map((request) => [request.id, request]));
}

/** Forgets a request once performed, unless a newer one replaced it meanwhile. */
export async function clearRebuildRequest(
  store: ReadModelStore,
  taken: RebuildRequest,
): Promise<void> {
  const stored = await store.get<RebuildRequest & Document>(REBUILD_REQUESTS, taken.id);
  if (stored?.request === taken.request) await store.delete(REBUILD_REQUESTS, taken.id);
}

export async function storeProgress(
  store: ReadModelStore,
  prefix: string,
  estimate: ProgressEstimate,
  now: Date,
): Promise<void> {
  await store.put(PROJECTION_PROGRESS, prefix, { id: prefix, ...estimate, at: now.toISOString() });
}

export function readProgress(
  store: ReadModelStore,
  prefix: string,
): Promise<StoredProgress | null> {
  return store.get<StoredProgress & Document>(PROJECTION_PROGRESS, prefix);
}
