import Database from 'better-sqlite3';

/** How long opening waits for other connections, in the busy handler and for the WAL switch. */
const OPEN_TIMEOUT_MS = 10_000;

/**
 * Opens a SQLite file (created when new) in WAL mode. When several processes open a new file at
 * once, SQLite answers all but one switch to WAL with SQLITE_BUSY at once, without waiting in
 * its busy handler; the switch is tried again, with short pauses, until the same timeout.
 */
export function openWalDatabase(file: string): Database.Database {
  const db = new Database(file, { timeout: OPEN_TIMEOUT_MS });
  if (file === ':memory:') return db;
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  for (let pauseMs = 1; ; pauseMs = Math.min(pauseMs * 2, 50)) {
    try {
      db.pragma('journal_mode = WAL');
      return db;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) {
        db.close();
        throw error;
      }
      // Opening happens at start-up, before the process serves anything: a blocking pause is fine.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
    }
  }
}
