import Database from 'better-sqlite3';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { openWalDatabase } from '../sqlite/open-wal';

/** A subject's data key and its generation (a new one after an erasure). */
export interface SubjectKey {
  generation: number;
  key: Buffer;
}

/**
 * Keys per subject, the other half of crypto-shredding: a key per person, kept beside the
 * events (a SQLite file in DATA_DIR on the embedded default), each wrapped (AES-256-GCM) with a
 * key derived from the master key (`HUB_MASTER_KEY`), which never touches the disk here.
 * Subjects are held by their reference, a keyed hash (HMAC) of the subject, so the key store
 * holds no e-mail address either. Erasing a subject deletes its keys: what they sealed is gone.
 */
export class SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly lookupKey: Buffer;
  private readonly wrapKey: Buffer;
  /** Unwrapped keys by `<ref>.<generation>`; an erasure drops the subject's entries. */
  private readonly cache = new Map<string, Buffer>();
  /** Alias links already written by this process (each is written once). */
  private readonly linked = new Set<string>();
  private readonly statements: Record<string, Database.Statement>;

  constructor(file: string, masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
    this.lookupKey = createHmac('sha256', masterKey).update('hub/lookup/v1').digest();
    this.wrapKey = createHmac('sha256', masterKey).update('hub/wrap/v1').digest();
    this.db = openWalDatabase(file);
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS subject_keys (
        ref TEXT NOT NULL, generation INTEGER NOT NULL, wrapped BLOB NOT NULL,
        PRIMARY KEY (ref, generation));
      CREATE TABLE IF NOT EXISTS subject_aliases (
        alias TEXT NOT NULL, ref TEXT NOT NULL, PRIMARY KEY (alias, ref));
      CREATE TABLE IF NOT EXISTS erased_subjects (
        ref TEXT PRIMARY KEY, generation INTEGER NOT NULL, erased_at TEXT NOT NULL);`);
    this.statements = {
      current: this.db.prepare(
        'SELECT generation, wrapped FROM subject_keys WHERE ref = ? ORDER BY generation DESC LIMIT 1',
      ),
      one: this.db.prepare('SELECT wrapped FROM subject_keys WHERE ref = ? AND generation = ?'),
      erasedGeneration: this.db
        .prepare('SELECT generation FROM erased_subjects WHERE ref = ?')
        .pluck(),
      insert: this.db.prepare(
        'INSERT OR IGNORE INTO subject_keys (ref, generation, wrapped) VALUES (?, ?, ?)',
      ),
      alias: this.db.prepare('INSERT OR IGNORE INTO subject_aliases (alias, ref) VALUES (?, ?)'),
      aliased: this.db.prepare('SELECT ref FROM subject_aliases WHERE alias = ?').pluck(),
      lastGeneration: this.db
        .prepare('SELECT MAX(generation) FROM subject_keys WHERE ref = ?')
        .pluck(),
      markErased: this.db.prepare(
        'INSERT OR REPLACE INTO erased_subjects (ref, generation, erased_at) VALUES (?, ?, ?)',
      ),
      deleteKeys: this.db.prepare('DELETE FROM subject_keys WHERE ref = ?'),
    };
  }

  /** The subject's reference: a keyed hash, the same for the same subject, useless without the key. */
  ref(subject: string): string {
    return createHmac('sha256', this.lookupKey).update(subject).digest('hex').slice(0, 32);
  }

  /**
   * The keyed hash of a normalised e-mail address, for look-ups that need an address (stream
   * and index names): the same for the same address, and no address in the log.
   */
  addressKey(email: string): string {
    return this.ref(`email:${email.trim().toLowerCase()}`);
  }

  /** The subject's current key, made on first use (and anew after an erasure). */
  currentKey(ref: string): SubjectKey {
    const row = this.statements.current.get(ref) as
      { generation: number; wrapped: Buffer } | undefined;
    if (row)
      return {
        generation: row.generation,
        key: this.cachedUnwrap(ref, row.generation, row.wrapped),
      };
    const generation = ((this.statements.erasedGeneration.get(ref) as number | undefined) ?? 0) + 1;
    const key = randomBytes(32);
    this.statements.insert.run(ref, generation, this.wrap(key));
    // Another process may have made it first (INSERT OR IGNORE): use the stored one.
    return this.currentKey(ref);
  }

  /** The key of one generation, or null once erased. */
  keyOf(ref: string, generation: number): Buffer | null {
    const cached = this.cache.get(`${ref}.${generation}`);
    if (cached) return cached;
    const row = this.statements.one.get(ref, generation) as { wrapped: Buffer } | undefined;
    return row ? this.cachedUnwrap(ref, generation, row.wrapped) : null;
  }

  /** Records that `alias` (a user id's reference) names the subject `ref`. */
  link(alias: string, ref: string): void {
    const id = `${alias}:${ref}`;
    if (this.linked.has(id)) return;
    this.statements.alias.run(alias, ref);
    this.linked.add(id);
  }

  /** The subjects an alias names, and the alias itself. */
  resolve(ref: string): string[] {
    return [ref, ...(this.statements.aliased.all(ref) as string[])];
  }

  /** Deletes every key of the subjects; answers how many subjects had keys. */
  erase(refs: readonly string[], at: string): number {
    let erased = 0;
    this.db.transaction(() => {
      for (const ref of refs) {
        const last = this.statements.lastGeneration.get(ref) as number | null;
        if (last === null) continue;
        this.statements.markErased.run(ref, last, at);
        this.statements.deleteKeys.run(ref);
        erased += 1;
      }
    })();
    for (const id of [...this.cache.keys()])
      if (refs.some((ref) => id.startsWith(`${ref}.`))) this.cache.delete(id);
    return erased;
  }

  close(): void {
    this.db.close();
  }

  private cachedUnwrap(ref: string, generation: number, wrapped: Buffer): Buffer {
    const id = `${ref}.${generation}`;
    let key = this.cache.get(id);
    if (!key) {
      key = this.unwrap(wrapped);
      this.cache.set(id, key);
    }
    return key;
  }

  private wrap(key: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.wrapKey, iv);
    const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
  }

  private unwrap(wrapped: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.wrapKey, wrapped.subarray(0, 12));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  }
}
