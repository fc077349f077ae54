import { hash } from 'node:crypto';

/** The predecessor of the first event of a chain: 32 zero bytes. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** An event's fields as the store holds them (JSON texts, not parsed objects): what the hash covers. */
export interface ChainedFields {
  stream: string;
  revision: number;
  type: string;
  /** The stored JSON text of the data. */
  data: string;
  /** The stored JSON text of the metadata. */
  metadata: string;
  /** The store's time of recording; '' where the engine sets it only after the hash is made (ESDB). */
  recordedAt: string;
}

/** The genesis hash in hex: what the verifier compares and prefixes. */
export const GENESIS_HEX: string = GENESIS_HASH.toString('hex');

/**
 * hash = SHA-256(hex of the previous hash ‖ canonical bytes), over UTF-8. The canonical text
 * prefixes every field with its length in UTF-16 code units, so no two different events share
 * it (a field cannot borrow characters from its neighbour), and it covers the stored texts as
 * they are, so no JSON re-serialisation can make a stored event and its hash disagree. One
 * string and Node's one-shot `hash` make it about half again as fast as a streamed `createHash`
 * (verification is bound by it).
 */
function canonicalText(previousHex: string, event: ChainedFields): string {
  const { stream, revision, type, data, metadata, recordedAt } = event;
  return (
    `${previousHex}|${stream.length}:${stream}|${revision}|${type.length}:${type}|` +
    `${recordedAt.length}:${recordedAt}|${data.length}:${data}|${metadata.length}:${metadata}`
  );
}

/** The writers' form: the hash as the bytes they store. */
export function chainHash(previous: Buffer, event: ChainedFields): Buffer {
  return hash('sha256', canonicalText(previous.toString('hex'), event), 'buffer');
}

/**
 * The verifier's form, over hex texts: a Buffer per event (the stored hash read from SQLite,
 * the digest's output) cost more than the hashing itself; SQLite's `hex()` and a string
 * comparison do not allocate one.
 */
export function chainHashHex(previousHex: string, event: ChainedFields): string {
  return hash('sha256', canonicalText(previousHex, event), 'hex');
}

/** Why a range does not verify. */
export type ChainMismatchReason =
  /** The event's stored hash is not the hash of its predecessor's and its own content: it (or its predecessor link) was changed, or inserted. */
  | 'hash_mismatch'
  /** A position in the range has no event: it was removed. */
  | 'missing_event'
  /** The event has no stored hash at all (written around the store). */
  | 'missing_hash'
  /** The event's revision does not follow its stream's previous one (per-stream chains). */
  | 'revision_gap';

export interface ChainMismatch {
  position: bigint;
  reason: ChainMismatchReason;
}

/** The answer of a verification (api.md `GET /v1/audit/verify`). */
export interface ChainVerification {
  verified: boolean;
  /** First and last position checked; null for an empty range. */
  checkedFrom: bigint | null;
  checkedTo: bigint | null;
  /** The stored hash of the last event checked (hex), to compare with a kept digest. */
  headHash: string | null;
  /** How many events were checked. */
  checked: number;
  firstMismatch?: ChainMismatch;
}

/** The head of the chain: what a digest signs. */
export interface ChainHead {
  position: bigint;
  /** Hex SHA-256. */
  hash: string;
}

/** A range of the global log to verify; both ends inclusive, defaults: the first and last event. */
export interface ChainRange {
  fromPosition?: bigint;
  toPosition?: bigint;
}

/**
 * Tamper evidence of the event log (domain.md §10): every event carries a hash chaining it to
 * its predecessor. What the predecessor is depends on the engine (see each adapter).
 */
export interface EventLogIntegrity {
  /** Recomputes the range's hashes; reports the first event that does not verify. */
  verifyChain(range?: ChainRange): Promise<ChainVerification>;
  /** The last event's position and hash; null for an empty log. */
  chainHead(): Promise<ChainHead | null>;
}

/** Injection token for the `EventLogIntegrity` port. */
export const EVENT_LOG_INTEGRITY = Symbol('EventLogIntegrity');
