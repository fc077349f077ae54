import { ERASED, PERSONAL_DATA } from '@hub/domain';
import { EventMetadata, GlobalPosition, PersonalDataCodec, RecordedEvent } from '@hub/event-store';
import { Document } from '@hub/read-store';
import { Projection } from '@hub/projection/projection';
import { HeldDocuments } from '@hub/projection/held-documents';
import { evolveEvents } from '@hub/projection/projection-batch';
import { testSubjectKeys } from '../event-store/test-subject-keys';

/** An event for a projection spec: type and data, the rest filled in unless given. */
export type SpecEvent = Pick<RecordedEvent, 'type' | 'data'> & Partial<RecordedEvent>;

/** Documents by logical collection, then by id. */
export type ProjectionDocuments = Record<string, Record<string, Document>>;

const specMetadata: EventMetadata = {
  eventId: 'spec',
  schemaVersion: 1,
  correlationId: 'spec',
  causationId: 'spec',
  actor: { userId: 'spec-user', roles: [] },
  source: 'api',
  occurredAt: '2024-01-01T00:00:00.000Z',
};

/**
 * Opens spec data as the hub's event store does (`PersonalDataCodec`), so personal records
 * carry their address key (`addressKeyOf`): `specAddressKey(email)` is what they carry.
 */
const specKeys = testSubjectKeys();
const specCodec = new PersonalDataCodec(PERSONAL_DATA, specKeys, ERASED);
export const specAddressKey = (email: string): string => specKeys.addressKey(email);

/**
 * Completes spec events: positions from 1 in order, revisions per stream, a fixed time; the
 * data opened as the hub's event store reads it.
 */
export function recordedEvents(events: readonly SpecEvent[]): RecordedEvent[] {
  const revisions = new Map<string, number>();
  return events.map((event, index) => {
    const streamName = event.streamName ?? 'spec-1';
    const revision = event.revision ?? revisions.get(streamName) ?? 0;
    revisions.set(streamName, revision + 1);
    return {
      metadata: { ...specMetadata, eventId: `spec-${index + 1}` },
      recordedAt: '2024-01-01T00:00:00.000Z',
      ...event,
      data: specCodec.openData(event.type, event.data),
      streamName,
      revision,
      position: event.position ?? (BigInt(index + 1) as GlobalPosition),
    };
  });
}

/**
 * A projection folded with the runner's own batch code, one event per batch, over the events
 * it handles (as the runner's store filter hands them); throws if evolve does. `apply` again to
 * go on from where it is, as a live build does.
 */
export class ProjectionFold {
  private readonly held = new HeldDocuments();

  constructor(private readonly projection: Projection) {}

  apply(events: readonly RecordedEvent[]): this {
    const handled = new Set<string>(this.projection.handles);
    for (const event of events) {
      if (!handled.has(event.type)) continue;
      const { failure } = evolveEvents(this.projection, 'spec', this.held, [event]);
      if (failure) throw failure.error;
    }
    return this;
  }

  documents(): ProjectionDocuments {
    const documents: ProjectionDocuments = {};
    for (const collection of this.projection.collections) documents[collection.name] = {};
    for (const [collection, id, text] of this.held.documents())
      documents[collection][id] = JSON.parse(text) as Document;
    return documents;
  }
}

/** The documents of `projection` folded from `events` (see ProjectionFold). */
export function foldDocuments(
  projection: Projection,
  events: readonly RecordedEvent[],
): ProjectionDocuments {
  return new ProjectionFold(projection).apply(events).documents();
}

/**
 * Given / then for projections (style.md): `givenEvents(projection, events).then(documents)`.
 * `documents` lists every collection's documents (collections left out must be empty).
 */
export function givenEvents(projection: Projection, events: readonly SpecEvent[]) {
  const recorded = recordedEvents(events);
  return {
    then(expected: ProjectionDocuments): ProjectionDocuments {
      const actual = foldDocuments(projection, recorded);
      const complete: ProjectionDocuments = {};
      for (const collection of projection.collections)
        complete[collection.name] = expected[collection.name] ?? {};
      expect(actual).toEqual(complete);
      return actual;
    },
    /** Asserts with a callback (for documents holding derived values). */
    thenDocuments(check: (documents: ProjectionDocuments) => void): void {
      check(foldDocuments(projection, recorded));
    },
  };
}

/**
 * Applying every event twice (each redelivered right after itself) gives the same documents:
 * a crash between a store write and its checkpoint must not double-count.
 */
export function expectIdempotent(projection: Projection, events: readonly SpecEvent[]): void {
  const recorded = recordedEvents(events);
  const once = foldDocuments(projection, recorded);
  const twice = foldDocuments(
    projection,
    recorded.flatMap((event) => [event, event]),
  );
  expect(twice).toEqual(once);
}
