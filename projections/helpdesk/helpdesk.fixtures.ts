import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { ProjectionView } from '@hub/projection/projection-runner';
import { SpecEvent, foldDocuments, recordedEvents } from '@hub/testing/projection/projection-specs';
import { helpdeskProjection } from './helpdesk.projection';

// Directory facts for the help-desk specs: the shapes of api.md "Inbound messages".

export function orgUpserted(orgId: string, overrides: Record<string, unknown> = {}): SpecEvent {
  return {
    type: 'OrganizationUpserted',
    streamName: `directory-org-${orgId}`,
    data: {
      orgId,
      name: `Org ${orgId}`,
      createdAt: '2025-03-01T09:00:00Z',
      domains: [],
      sites: [],
      orderNumbers: [],
      managedByPartnerIds: [],
      administrators: [],
      licences: [],
      ...overrides,
    },
  };
}

export function userUpserted(
  userId: string,
  orgId: string,
  overrides: Record<string, unknown> = {},
): SpecEvent {
  return {
    type: 'UserUpserted',
    streamName: `directory-user-${userId}`,
    data: {
      userId,
      orgId,
      email: `${userId}@example.test`,
      firstName: 'First',
      lastName: 'Last',
      displayName: 'First Last',
      status: 'active',
      licences: [],
      devices: [],
      features: [],
      ...overrides,
    },
  };
}

export function agentGranted(partnerId: string, userId: string): SpecEvent {
  return {
    type: 'HelpDeskAgentGranted',
    streamName: `partner-${partnerId}`,
    data: { partnerId, userId, grantedBy: 'padmin', grantedAt: '2025-01-01T00:00:00Z' },
  };
}

/** The projection folded from `events` into a memory store, as queries read it. */
export async function viewOf(events: readonly SpecEvent[]): Promise<ProjectionView> {
  const documents = foldDocuments(helpdeskProjection, recordedEvents(events));
  const store = new MemoryReadModelStore();
  for (const [collection, docs] of Object.entries(documents))
    for (const [id, doc] of Object.entries(docs)) await store.put(collection, id, doc);
  return { store, collection: (name) => name };
}
