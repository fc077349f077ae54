import { RecordedEvent } from '@hub/event-store';
import { Projection } from '@hub/projection/projection';

/** Event types of the engine's own tests (no domain meaning). */
export const SAMPLE_EVENT_TYPES = ['ItemAdded', 'ItemRenamed', 'StreamClosed'] as const;

interface StreamDoc {
  id: string;
  events: number;
  lastType: string;
  lastRevision: number;
  lastPosition: string;
  [key: string]: unknown;
}

/**
 * Events per stream and the last type seen, plus which streams saw each type. Skips an event
 * whose revision the stream document already holds, so a redelivered event changes nothing.
 */
export function sampleProjection(
  version = 1,
  options: {
    failOn?: (event: Pick<RecordedEvent, 'type' | 'position' | 'streamName'>) => boolean;
  } = {},
): Projection {
  return {
    name: 'sample',
    version,
    handles: SAMPLE_EVENT_TYPES,
    collections: [{ name: 'streams', indexes: [['lastType']] }, { name: 'types' }],
    locate: (event) => [
      { collection: 'streams', id: event.streamName },
      { collection: 'types', id: event.type },
    ],
    evolve(docs, event) {
      if (options.failOn?.(event))
        throw new Error(`cannot apply ${event.type} at ${event.position}`);
      const stream = docs.get<StreamDoc>('streams', event.streamName);
      if (stream && stream.lastRevision >= event.revision) return;
      if (event.type === 'StreamClosed') docs.delete('streams', event.streamName);
      else
        docs.put('streams', event.streamName, {
          events: (stream?.events ?? 0) + 1,
          lastType: event.type,
          lastRevision: event.revision,
          lastPosition: event.position.toString(),
          version,
        });
      const type = docs.get<{ streams: string[] }>('types', event.type);
      const streams = new Set(type?.streams ?? []).add(event.streamName);
      docs.put('types', event.type, { streams: [...streams].sort() });
    },
  };
}
