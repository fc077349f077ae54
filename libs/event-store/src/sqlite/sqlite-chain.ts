import Database from 'better-sqlite3';
import {
  ChainHead,
  ChainMismatch,
  ChainRange,
  ChainVerification,
  GENESIS_HASH,
  GENESIS_HEX,
  chainHash,
  chainHashHex,
} from '../integrity/hash-chain';

/** The columns the chain covers, then the stored hash (raw rows: arrays, not objects). */
const CHAIN_COLUMNS = 'position, stream, revision, type, data, metadata, recorded_at, hash';
type ChainRow = [number, string, number, string, string, string, string, Buffer | null];
/** The verifier reads the stored hash as lower-case hex ('' where there is none). */
const VERIFY_COLUMNS = CHAIN_COLUMNS.replace(/hash$/, 'lower(hex(hash))');
type VerifyRow = [number, string, number, string, string, string, string, string];

/** Rows chained per read by the migration. */
const MIGRATE_PAGE = 20_000;
/**
 * Rows verified per read; between pages the event loop gets a turn. Small pages keep the rows
 * read in V8's young generation: 20,000 rows were promoted, and collecting them took about a
 * quarter of the verification's time.
 */
const VERIFY_PAGE = 2_000;

/** `PRAGMA user_version` from which every row of the file carries its hash. */
const CHAINED_SCHEMA_VERSION = 1;

const fieldsOf = (row: ChainRow | VerifyRow) => ({
  stream: row[1],
  revision: row[2],
  type: row[3],
  data: row[4],
  metadata: row[5],
  recordedAt: row[6],
});

/**
 * Brings a file written before the chain existed up to date, once: adds the `hash` column and
 * chains the rows already there, in one transaction, then marks the file (user_version) so the
 * next open skips the scan.
 */
export function migrateToHashChain(db: Database.Database): void {
  const chained = () =>
    (db.pragma('user_version', { simple: true }) as number) >= CHAINED_SCHEMA_VERSION;
  if (chained()) return;
  // Looked at again under the write lock: another process opening the file may have chained it.
  db.transaction(() => {
    if (chained()) return;
    const columns = db.pragma('table_info(events)') as { name: string }[];
    if (!columns.some((column) => column.name === 'hash'))
      db.exec('ALTER TABLE events ADD COLUMN hash BLOB');
    const read = db
      .prepare(`SELECT ${CHAIN_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw();
    const write = db.prepare('UPDATE events SET hash = ? WHERE position = ?');
    let previous = GENESIS_HASH;
    let after = 0;
    for (;;) {
      const rows = read.all(after, MIGRATE_PAGE) as ChainRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        previous = chainHash(previous, fieldsOf(row));
        write.run(previous, row[0]);
      }
      after = rows[rows.length - 1][0];
    }
    db.pragma(`user_version = ${CHAINED_SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * The stored hash of the event at `position` in lower-case hex (the writer's predecessor link);
 * genesis before 1. The writer chains in hex: a digest as a Buffer costs a Buffer per event,
 * about as much as the SHA-256 itself.
 */
export function hashHexStatement(db: Database.Database): (position: number) => string {
  const statement = db.prepare('SELECT lower(hex(hash)) FROM events WHERE position = ?').pluck();
  return (position) => (statement.get(position) as string | undefined) ?? GENESIS_HEX;
}

/**
 * The SQLite chain runs over the global log: each event's predecessor is the event at the
 * position before it, so a changed, removed or inserted row anywhere breaks the chain there.
 */
export class SqliteChainVerifier {
  private readonly page: Database.Statement;
  private readonly rowHash: Database.Statement;
  private readonly head: Database.Statement;

  constructor(db: Database.Database) {
    this.page = db
      .prepare(
        `SELECT ${VERIFY_COLUMNS} FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?`,
      )
      .raw();
    this.rowHash = db
      .prepare('SELECT position, lower(hex(hash)) FROM events WHERE position = ?')
      .raw();
    this.head = db
      .prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1')
      .raw();
  }

  chainHead(): ChainHead | null {
    const row = this.head.get() as [number, Buffer | null] | undefined;
    if (!row) return null;
    return { position: BigInt(row[0]), hash: row[1]?.toString('hex') ?? '' };
  }

  async verify(range: ChainRange = {}): Promise<ChainVerification> {
    const from = Number(range.fromPosition ?? 1n);
    const to =
      range.toPosition === undefined
        ? Number(this.chainHead()?.position ?? 0)
        : Number(range.toPosition);
    const result: ChainVerification = {
      verified: true,
      checkedFrom: null,
      checkedTo: null,
      headHash: null,
      checked: 0,
    };
    if (from > to) return result;
    const fail = (mismatch: ChainMismatch): ChainVerification => ({
      ...result,
      verified: false,
      firstMismatch: mismatch,
    });
    let previous = GENESIS_HEX;
    if (from > 1) {
      const before = this.rowHash.get(from - 1) as [number, string] | undefined;
      if (!before) return fail({ position: BigInt(from - 1), reason: 'missing_event' });
      if (!before[1]) return fail({ position: BigInt(from - 1), reason: 'missing_hash' });
      previous = before[1];
    }
    let expected = from;
    while (expected <= to) {
      const rows = this.page.all(expected, to, VERIFY_PAGE) as VerifyRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const position = row[0];
        if (position !== expected)
          return fail({ position: BigInt(expected), reason: 'missing_event' });
        const stored = row[7];
        if (!stored) return fail({ position: BigInt(position), reason: 'missing_hash' });
        if (chainHashHex(previous, fieldsOf(row)) !== stored)
          return fail({ position: BigInt(position), reason: 'hash_mismatch' });
        result.checkedFrom ??= BigInt(position);
        result.checkedTo = BigInt(position);
        result.headHash = stored;
        result.checked += 1;
        previous = stored;
        expected = position + 1;
      }
      // A long range must not hold the event loop: appends and queries go on between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (expected <= to) return fail({ position: BigInt(expected), reason: 'missing_event' });
    return result;
  }
}
