import Database from 'better-sqlite3';
import { openWalDatabase } from '@hub/event-store/sqlite/open-wal';

/**
 * One statement of a write, run once per row: with the row's value from each of `columns`
 * followed by `constants` (`columns` empty: run once). Column-wise, so a batch of documents
 * crosses to the writer thread as a few arrays of strings rather than an object per row.
 */
export interface WriteStep {
  sql: string;
  columns?: readonly (readonly unknown[])[];
  constants?: readonly unknown[];
  /** When the statement changes no row, the whole transaction fails with this (a fencing check). */
  orFail?: { code: string; message: string };
  /**
   * After the commit, copy the WAL into the file and truncate it: the WAL keeps whole pages as
   * they were, so what this write removed (a dropped build holding an erased person's data)
   * would otherwise outlive it there.
   */
  truncateWal?: boolean;
}

/** Applies write steps, all of one call in one transaction (or none of them). */
export interface SqliteWriter {
  write(steps: readonly WriteStep[]): Promise<void>;
  close(): Promise<void>;
}

/** Everything needed to open the store's database the same way on any thread. */
export interface ReadStoreDatabaseOptions {
  file: string;
  synchronous: 'OFF' | 'NORMAL' | 'FULL';
  cacheMiB: number;
}

export function openReadStoreDatabase(options: ReadStoreDatabaseOptions): Database.Database {
  const db = openWalDatabase(options.file);
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma(`cache_size = -${options.cacheMiB * 1024}`);
  // Deleted rows and freed pages are overwritten with zeros, so a rebuild after an erasure
  // leaves none of the person's data in the file's free space.
  db.pragma('secure_delete = ON');
  return db;
}

/**
 * The function that runs write steps on `db`: one transaction per call, each distinct SQL
 * prepared once. A statement stays valid when its table is dropped and created again (SQLite
 * prepares it anew on the schema change).
 */
export function stepRunner(db: Database.Database): (steps: readonly WriteStep[]) => void {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const transaction = db.transaction((steps: readonly WriteStep[]) => {
    for (const { sql, columns = [], constants = [], orFail } of steps) {
      const statement = prepared(sql);
      if (columns.length === 0) {
        const { changes } = statement.run(...constants);
        if (orFail && changes === 0)
          throw Object.assign(new Error(orFail.message), { code: orFail.code });
        continue;
      }
      const rows = columns[0].length;
      const values = new Array<unknown>(columns.length + constants.length);
      for (let c = 0; c < constants.length; c += 1) values[columns.length + c] = constants[c];
      for (let row = 0; row < rows; row += 1) {
        for (let c = 0; c < columns.length; c += 1) values[c] = columns[c][row];
        statement.run(...values);
      }
    }
  });
  return (steps) => {
    // BEGIN IMMEDIATE: the write lock is taken first, waiting on another process's writer
    // (busy timeout). A deferred transaction reads a snapshot first and, when another process
    // committed meanwhile, fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT).
    transaction.immediate(steps);
    if (steps.some((step) => step.truncateWal)) db.pragma('wal_checkpoint(TRUNCATE)');
  };
}

/** Writes on the caller's own connection (an in-memory database cannot be shared). */
export class InProcessWriter implements SqliteWriter {
  private readonly run: (steps: readonly WriteStep[]) => void;

  constructor(db: Database.Database) {
    this.run = stepRunner(db);
  }

  async write(steps: readonly WriteStep[]): Promise<void> {
    this.run(steps);
  }

  async close(): Promise<void> {}
}
