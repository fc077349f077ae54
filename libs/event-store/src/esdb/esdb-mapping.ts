import {
  ANY as ESDB_ANY,
  AllStreamRecordedEvent,
  AppendExpectedRevision,
  Filter,
  NO_STREAM as ESDB_NO_STREAM,
  Position,
  RecordedEvent as EsdbRecordedEvent,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
} from '@eventstore/db-client';
import {
  ANY,
  EventFilter,
  matchesEventFilter,
  EventMetadata,
  ExpectedRevision,
  GlobalPosition,
  NO_STREAM,
  RecordedEvent,
} from '../event-store.port';

/** The port's expected revision in the client's terms (revisions are bigint there). */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === NO_STREAM) return ESDB_NO_STREAM;
  if (expected === ANY) return ESDB_ANY;
  return BigInt(expected);
}

/**
 * Our positions are ESDB commit positions. Events appended through gRPC are single-event
 * transactions, for which the prepare position equals the commit position.
 */
export function toEsdbPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/**
 * The metadata key holding an event's hash on EventStoreDB, where an event has no column of
 * its own for it (esdb-chain.ts). Reads strip it, so readers see the metadata they appended.
 */
export const HASH_KEY = '$hash';

/** The metadata without the hash: what was hashed (JSON keeps the key order it was written in). */
export function appendedMetadata(event: EsdbRecordedEvent | AllStreamRecordedEvent): EventMetadata {
  const { [HASH_KEY]: _hash, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  return metadata as unknown as EventMetadata;
}

/** Maps a recorded ESDB event (JSON data and JSON metadata) to the port's shape. */
export function fromEsdbEvent(event: EsdbRecordedEvent | AllStreamRecordedEvent): RecordedEvent {
  if (!event.isJson) throw new Error(`event ${event.id} in ${event.streamId} is not JSON`);
  return {
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: appendedMetadata(event),
    streamName: event.streamId,
    revision: Number(event.revision),
    position: (event.position?.commit ?? -1n) as GlobalPosition,
    recordedAt: event.created.toISOString(),
  };
}

/** Whether an event passes the port's filter; system events (`$` types) never do. */
export function matchesFilter(type: string, stream: string, filter: EventFilter = {}): boolean {
  return !type.startsWith('$') && matchesEventFilter(type, stream, filter);
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server-side part of a filter. ESDB takes one filter per subscription, so the most
 * selective one goes to the server and `matchesFilter` applies the whole filter client-side.
 */
export function toServerFilter(filter: EventFilter = {}): Filter {
  if (filter.eventTypes?.length)
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  if (filter.streamPrefixes?.length)
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  return excludeSystemEvents();
}
