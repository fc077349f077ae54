import { GlobalPosition } from '@hub/event-store';
import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { Projection, buildPrefix, physicalCollection } from '@hub/projection/projection';
import { applyEvents } from '@hub/projection/projection-batch';
import { ProjectionView } from '@hub/projection/projection-runner';
import { SpecEvent, recordedEvents } from '@hub/testing/projection/projection-specs';
import { WorkspaceAccess } from '../access/access.queries';
import { ActivityScope } from './customer-activity.access';

/** Folds spec events into a memory read store with the runner's batch code; query it like the live one. */
export async function viewOf(
  projection: Projection,
  events: readonly SpecEvent[],
): Promise<ProjectionView> {
  const store = new MemoryReadModelStore();
  const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
  const recorded = recordedEvents(events).filter((event) =>
    projection.handles.includes(event.type),
  );
  if (recorded.length > 0)
    await applyEvents(
      store,
      projection,
      prefix,
      recorded,
      recorded[recorded.length - 1].position as GlobalPosition,
    );
  return { store, collection: (collection) => physicalCollection(prefix, collection) };
}

/** A caller's scope for query specs: provider staff, or these workspace roles. */
export function scopeOf(
  roles: Record<string, string[]> | 'staff',
  administers: string[] = [],
): ActivityScope {
  if (roles === 'staff') return { all: true, workspaces: new Map() };
  const workspaces = new Map<string, WorkspaceAccess>();
  for (const [workspaceId, held] of Object.entries(roles))
    workspaces.set(workspaceId, {
      workspaceId,
      agreementId: 'a1',
      name: workspaceId,
      isDefault: false,
      roles: held,
      administers: administers.includes(workspaceId) || held.includes('WorkspaceAdministrator'),
    });
  return { all: false, workspaces };
}
