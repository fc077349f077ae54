import { randomUUID } from 'node:crypto';
import { ANY, AppendResult, EventStore, NewEvent } from '@hub/event-store';

export function sampleEvent(type: string, data: object = {}): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      schemaVersion: 1,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { userId: 'test', roles: [] },
      source: 'api',
      occurredAt: '2024-01-01T00:00:00.000Z',
    },
  };
}

/** Appends one event per type to `stream`; answers the append's result. */
export function appendTypes(
  store: EventStore,
  stream: string,
  ...types: string[]
): Promise<AppendResult> {
  return store.appendToStream(
    stream,
    types.map((type) => sampleEvent(type)),
    ANY,
  );
}
