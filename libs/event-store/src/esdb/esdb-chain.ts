import {
  AllStreamRecordedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  RecordedEvent as EsdbRecordedEvent,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { NewEvent } from '../event-store.port';
import {
  ChainMismatch,
  ChainRange,
  ChainVerification,
  GENESIS_HASH,
  chainHash,
} from '../integrity/hash-chain';
import { HASH_KEY, appendedMetadata, matchesFilter, toEsdbPosition } from './esdb-mapping';

/** The stream's last event's stored hash and revision; genesis and null for a new stream. */
export async function streamTip(
  client: EventStoreDBClient,
  stream: string,
): Promise<{ hash: Buffer; revision: number | null }> {
  try {
    for await (const resolved of client.readStream(stream, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    })) {
      const event = resolved.event;
      if (event)
        return { hash: storedHash(event) ?? GENESIS_HASH, revision: Number(event.revision) };
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { hash: GENESIS_HASH, revision: null };
}

/** The events as appended: each one's metadata carries its hash, chained from `previous`. */
export function sealEvents(
  stream: string,
  events: readonly NewEvent[],
  firstRevision: number,
  previous: Buffer,
): { data: Record<string, unknown>; metadata: Record<string, unknown> }[] {
  let tip = previous;
  return events.map((event, i) => {
    tip = chainHash(tip, {
      stream,
      revision: firstRevision + i,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      recordedAt: '',
    });
    return {
      data: event.data as Record<string, unknown>,
      metadata: { ...event.metadata, [HASH_KEY]: tip.toString('hex') },
    };
  });
}

/** The event's stored hash, or null when it carries none. */
export function storedHash(event: EsdbRecordedEvent | AllStreamRecordedEvent): Buffer | null {
  const hex = (event.metadata as Record<string, unknown> | undefined)?.[HASH_KEY];
  return typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
}

/**
 * Verifies a range of `$all` on EventStoreDB, where the chains run per stream: each event is
 * checked against its stream's previous event (read from the stream when it lies before the
 * range). A changed event, or a stream whose revisions skip, is found with its position; what a
 * per-stream chain cannot show is a whole stream removed, or events removed from a stream's end —
 * a kept digest of the head (`chainHead`) covers only the stream of the last event.
 */
export async function verifyEsdbRange(
  client: EventStoreDBClient,
  range: ChainRange = {},
): Promise<ChainVerification> {
  const result: ChainVerification = {
    verified: true,
    checkedFrom: null,
    checkedTo: null,
    headHash: null,
    checked: 0,
  };
  const fail = (mismatch: ChainMismatch): ChainVerification => ({
    ...result,
    verified: false,
    firstMismatch: mismatch,
  });
  const tips = new Map<string, { hash: Buffer; revision: number }>();
  const reading = client.readAll({
    direction: FORWARDS,
    fromPosition: range.fromPosition === undefined ? START : toEsdbPosition(range.fromPosition),
  });
  for await (const resolved of reading) {
    const event = resolved.event;
    if (!event || !matchesFilter(event.type, event.streamId)) continue;
    const position = event.position.commit;
    if (range.toPosition !== undefined && position > range.toPosition) break;
    const revision = Number(event.revision);
    let tip = tips.get(event.streamId);
    if (!tip && revision > 0) tip = await predecessor(client, event.streamId, revision - 1);
    if (revision !== (tip?.revision ?? -1) + 1) return fail({ position, reason: 'revision_gap' });
    const stored = storedHash(event);
    if (!stored) return fail({ position, reason: 'missing_hash' });
    const recomputed = chainHash(tip?.hash ?? GENESIS_HASH, {
      stream: event.streamId,
      revision,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(appendedMetadata(event)),
      recordedAt: '',
    });
    if (!recomputed.equals(stored)) return fail({ position, reason: 'hash_mismatch' });
    tips.set(event.streamId, { hash: stored, revision });
    result.checkedFrom ??= position;
    result.checkedTo = position;
    result.headHash = stored.toString('hex');
    result.checked += 1;
  }
  return result;
}

async function predecessor(
  client: EventStoreDBClient,
  stream: string,
  revision: number,
): Promise<{ hash: Buffer; revision: number } | undefined> {
  for await (const resolved of client.readStream(stream, {
    direction: FORWARDS,
    fromRevision: BigInt(revision),
    maxCount: 1,
  })) {
    const event = resolved.event;
    if (event && Number(event.revision) === revision)
      return { hash: storedHash(event) ?? GENESIS_HASH, revision };
  }
  return undefined;
}
