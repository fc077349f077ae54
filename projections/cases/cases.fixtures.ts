import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { Projection, buildPrefix, physicalCollection } from '@hub/projection/projection';
import { applyEvents } from '@hub/projection/projection-batch';
import { ProjectionView } from '@hub/projection/projection-runner';
import { SpecEvent, recordedEvents } from '@hub/testing/projection/projection-specs';
import { WorkspaceAccess } from '../access/access.queries';
import { CaseScope } from './cases.visibility';

/** Builders of the events the cases specs replay (fixed instants, so documents are exact). */
export function caseOpened(caseId: string, workspaceId: string, extra: object = {}): SpecEvent {
  return {
    type: 'CaseOpened',
    streamName: `case-${caseId}`,
    data: {
      caseId,
      workspaceId,
      severity: 'B',
      caseType: 'problem-resolution',
      product: 'Azure Virtual Machines',
      title: `Case ${caseId}`,
      primaryContactUserId: 'contact',
      openedBy: 'contact',
      openedAt: '2026-03-02T10:00:00.000Z',
      initialResponseDueAt: '2026-03-02T14:00:00.000Z',
      ...extra,
    },
  };
}

export function groupCreated(workspaceId: string, groupId: string, members: string[]): SpecEvent {
  return {
    type: 'GroupCreated',
    streamName: `workspace-${workspaceId}`,
    data: {
      workspaceId,
      groupId,
      name: groupId,
      memberUserIds: members,
      createdAt: '2026-03-01T00:00:00.000Z',
    },
  };
}

export const caseShared = (caseId: string, userId: string): SpecEvent => ({
  type: 'CaseShared',
  streamName: `case-${caseId}`,
  data: { caseId, userId, sharedBy: 'contact', sharedAt: '2026-03-02T11:00:00.000Z' },
});

export const groupAccessGranted = (caseId: string, groupId: string): SpecEvent => ({
  type: 'CaseGroupAccessGranted',
  streamName: `case-${caseId}`,
  data: { caseId, groupId, grantedBy: 'admin', grantedAt: '2026-03-02T11:30:00.000Z' },
});

export const firstResponse = (caseId: string, respondedAt: string, met: boolean): SpecEvent => ({
  type: 'CaseFirstResponseRecorded',
  streamName: `case-${caseId}`,
  data: { caseId, respondedAt, responseTargetMet: met, recordedAt: respondedAt },
});

export const caseClosed = (caseId: string, closedAt: string): SpecEvent => ({
  type: 'CaseClosed',
  streamName: `case-${caseId}`,
  data: { caseId, resolution: 'fixed', closedBy: 'contact', closedAt },
});

/** Folds spec events into a fresh memory store with the runner's batch code; a view to query. */
export async function memoryView(
  projection: Projection,
  events: readonly SpecEvent[],
): Promise<ProjectionView> {
  const store = new MemoryReadModelStore();
  const prefix = buildPrefix(projection.name, { version: projection.version, generation: 0 });
  const recorded = recordedEvents(events).filter((e) => projection.handles.includes(e.type));
  if (recorded.length > 0) {
    const { failure } = await applyEvents(
      store,
      projection,
      prefix,
      recorded,
      recorded[recorded.length - 1].position,
    );
    if (failure) throw failure.error;
  }
  return { store, collection: (collection) => physicalCollection(prefix, collection) };
}

/** A caller's scope as CallerScopes builds it: workspace id → roles (and whether they administer). */
export function scopeOf(
  userId: string,
  workspaces: Record<string, string[]>,
  all = false,
): CaseScope {
  const access = new Map<string, WorkspaceAccess>();
  for (const [workspaceId, roles] of Object.entries(workspaces))
    access.set(workspaceId, {
      workspaceId,
      agreementId: 'a1',
      name: workspaceId,
      isDefault: false,
      roles,
      administers:
        roles.includes('WorkspaceAdministrator') || roles.includes('CustomerAdministrator'),
    });
  return { all, userId, workspaces: access };
}
