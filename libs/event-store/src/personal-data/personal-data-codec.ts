import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventMetadata, NewEvent } from '../event-store.port';
import { SubjectKeyStore } from './subject-keys';

/** Where a person's data sits in an event type's data (the domain's `PERSONAL_DATA`). */
export interface PersonalRecordSpec {
  at: readonly string[];
  fields: readonly string[];
  email: string;
  userId?: string;
}

/** Event type → its records holding personal data. */
export type PersonalDataTable = Readonly<Record<string, readonly PersonalRecordSpec[]>>;

const PREFIX = 'pd1.';

/** The actor a token named, in every event's metadata: their address is personal too. */
const ACTOR_RECORD: PersonalRecordSpec = {
  at: [],
  fields: ['email'],
  email: 'email',
  userId: 'userId',
};

/** The subject an e-mail address names (normalised as the hub compares addresses). */
export const emailSubject = (email: string): string => `email:${email.trim().toLowerCase()}`;
export const userSubject = (userId: string): string => `user:${userId}`;

type Json = Record<string, unknown>;

/**
 * Where an opened record carries the keyed hash of its address (`SubjectKeyStore.addressKey`):
 * a symbol, not enumerable, so it never reaches a JSON answer or an appended event (a spread
 * or a serialisation drops it), yet a projection can index by it instead of the address.
 */
const ADDRESS_KEY = Symbol('addressKey');

/** Gives `record` its address key (the codec on read; projection specs for their fixtures). */
export function attachAddressKey<T extends object>(record: T, key: string): T {
  Object.defineProperty(record, ADDRESS_KEY, { value: key, enumerable: false });
  return record;
}

/**
 * The keyed hash of the normalised address of a personal record read through the codec, also
 * once the person is erased (it is the sealed text's subject reference, which erasure keeps);
 * undefined for a record not read through the codec.
 */
export function addressKeyOf(record: object): string | undefined {
  return (record as { [ADDRESS_KEY]?: string })[ADDRESS_KEY];
}

/** Every record at `path` under `data` (arrays walked at `'*'`). */
function recordsAt(data: unknown, path: readonly string[]): Json[] {
  if (data === null || typeof data !== 'object') return [];
  if (path.length === 0) return Array.isArray(data) ? [] : [data as Json];
  const [step, ...rest] = path;
  if (step === '*') return Array.isArray(data) ? data.flatMap((item) => recordsAt(item, rest)) : [];
  return recordsAt((data as Json)[step], rest);
}

/**
 * Seals the personal fields of events before the append and opens them on read: each value
 * becomes `pd1.<subject ref>.<key generation>.<base64url(iv ‖ AES-256-GCM ciphertext ‖ tag)>`,
 * under the key of the person the record names (by e-mail address). A value whose key was
 * erased reads as `erased` ('[erased]'); the stored text, which the hash chain covers, never
 * changes.
 */
export class PersonalDataCodec {
  constructor(
    private readonly table: PersonalDataTable,
    private readonly keys: SubjectKeyStore,
    private readonly erased: string,
  ) {}

  carriesPersonalData(type: string): boolean {
    return this.table[type] !== undefined;
  }

  /** The event with its personal fields sealed, and the actor's e-mail address in its metadata. */
  seal(event: NewEvent): NewEvent {
    const specs = this.table[event.type];
    const data = specs ? (structuredClone(event.data) as Json) : event.data;
    for (const spec of specs ?? [])
      for (const record of recordsAt(data, spec.at)) this.sealRecord(record, spec);
    const actor = event.metadata.actor as Json | undefined;
    if (typeof actor?.email !== 'string') return specs ? { ...event, data } : event;
    const sealedActor = { ...actor };
    this.sealRecord(sealedActor, ACTOR_RECORD);
    return { ...event, data, metadata: { ...event.metadata, actor: sealedActor } };
  }

  /** The data with its personal fields opened (a copy; the stored data is untouched). */
  openData(type: string, stored: object): Record<string, unknown> {
    const specs = this.table[type];
    if (!specs) return stored as Json;
    const data = structuredClone(stored) as Json;
    for (const spec of specs)
      for (const record of recordsAt(data, spec.at)) {
        this.keyRecord(record, spec);
        this.openRecord(record, spec);
      }
    return data;
  }

  /** The metadata with the actor's e-mail address opened. */
  openMetadata(stored: EventMetadata): EventMetadata {
    const email = (stored.actor as Json | undefined)?.email;
    if (typeof email !== 'string' || !email.startsWith(PREFIX)) return stored;
    const actor = { ...stored.actor } as Json;
    this.openRecord(actor, ACTOR_RECORD);
    return { ...stored, actor };
  }

  private sealRecord(record: Json, spec: PersonalRecordSpec): void {
    const email = record[spec.email];
    if (typeof email !== 'string' || email.startsWith(PREFIX)) return;
    const ref = this.keys.ref(emailSubject(email));
    const userId = spec.userId ? record[spec.userId] : undefined;
    if (typeof userId === 'string') this.keys.link(this.keys.ref(userSubject(userId)), ref);
    const { generation, key } = this.keys.currentKey(ref);
    for (const field of spec.fields) {
      const value = record[field];
      if (typeof value === 'string') record[field] = this.sealValue(value, ref, generation, key);
    }
  }

  /** The sealed address names its subject's reference, the address key itself. */
  private keyRecord(record: Json, spec: PersonalRecordSpec): void {
    const email = record[spec.email];
    if (typeof email !== 'string') return;
    const key = email.startsWith(PREFIX)
      ? email.slice(PREFIX.length, email.indexOf('.', PREFIX.length))
      : this.keys.addressKey(email);
    attachAddressKey(record, key);
  }

  private openRecord(record: Json, spec: PersonalRecordSpec): void {
    for (const field of spec.fields) {
      const value = record[field];
      if (typeof value === 'string' && value.startsWith(PREFIX))
        record[field] = this.openValue(value);
    }
  }

  private sealValue(value: string, ref: string, generation: number, key: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(ref));
    const sealed = Buffer.concat([
      iv,
      cipher.update(value, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${PREFIX}${ref}.${generation}.${sealed.toString('base64url')}`;
  }

  private openValue(value: string): string {
    const [, ref, generation, body] = value.split('.');
    const key = this.keys.keyOf(ref, Number(generation));
    if (!key) return this.erased;
    const sealed = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(ref));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([
      decipher.update(sealed.subarray(12, sealed.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  }
}
