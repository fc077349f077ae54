import { RecordedEvent } from '../event-store.port';

/** Turns an event's data of one schema version into the next version's. Pure. */
export type Upcast = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * For each event type that ever changed shape, its upcasters in order: the first turns
 * version 1 into 2, the second 2 into 3, and so on. A type not listed is at version 1.
 */
export type UpcasterTable = Readonly<Record<string, readonly Upcast[]>>;

/**
 * Schema evolution on read (domain.md §10): an event stored at an older `schemaVersion` is
 * turned into the current shape as it is read, so history is never rewritten to change a
 * schema. Adapters apply it in every read path (readStream, readAll, subscriptions); an event
 * of a type without upcasters passes through untouched (and its metadata stays unparsed).
 *
 * Upcasters see the data as stored: on a store whose personal fields are sealed
 * (crypto-shredding), those fields are still sealed here, so an upcaster must not read them.
 */
export class Upcasters {
  private readonly table: Map<string, readonly Upcast[]>;

  constructor(table: UpcasterTable = {}) {
    this.table = new Map(Object.entries(table).filter(([, steps]) => steps.length > 0));
  }

  /** The version events of this type are written at. */
  currentVersion(type: string): number {
    return (this.table.get(type)?.length ?? 0) + 1;
  }

  get isEmpty(): boolean {
    return this.table.size === 0;
  }

  /** The event in its type's current shape, with `schemaVersion` saying so. */
  upcast(event: RecordedEvent): RecordedEvent {
    const steps = this.table.get(event.type);
    if (!steps) return event;
    const stored = event.metadata.schemaVersion ?? 1;
    if (stored > steps.length) return event;
    let data = event.data;
    for (let version = Math.max(stored, 1); version <= steps.length; version += 1)
      data = steps[version - 1](data);
    return {
      type: event.type,
      data,
      metadata: { ...event.metadata, schemaVersion: steps.length + 1 },
      streamName: event.streamName,
      revision: event.revision,
      position: event.position,
      recordedAt: event.recordedAt,
    };
  }

  /** `upcast` over a page, without copying the page when nothing needs it. */
  upcastAll(events: RecordedEvent[]): RecordedEvent[] {
    if (this.isEmpty) return events;
    return events.map((event) => (this.table.has(event.type) ? this.upcast(event) : event));
  }
}

/** No type has changed shape. */
export const NO_UPCASTERS = new Upcasters();
