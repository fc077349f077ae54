import Database from 'better-sqlite3';

/** The prepared statements of one collection's table, prepared once and reused for every call. */
export interface SqliteCollection {
  table: string;
  get: Database.Statement<[string], { doc: string }>;
  getMany: Database.Statement<[string], { id: string; doc: string }>;
  /** Unconditional write by `put` (outside any batch): the stored position becomes unknown. */
  put: Database.Statement<[string, string]>;
  /** Batch write: skipped when the stored document was written by a newer position. */
  putAt: Database.Statement<[string, string, bigint]>;
  delete: Database.Statement<[string]>;
  deleteAt: Database.Statement<[string, bigint]>;
}

/** Creates the collection's table when missing and prepares its statements. */
export function openCollection(db: Database.Database, collection: string): SqliteCollection {
  // `rm_` keeps collection tables apart from the store's own `checkpoints` table.
  const table = `rm_${collection}`;
  db.exec(
    `CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER)`,
  );
  const t = `"${table}"`;
  return {
    table,
    get: db.prepare(`SELECT doc FROM ${t} WHERE id = ?`),
    getMany: db.prepare(`SELECT id, doc FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`),
    put: db.prepare(
      `INSERT INTO ${t} (id, doc, position) VALUES (?, ?, NULL)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, position = NULL`,
    ),
    putAt: db.prepare(
      `INSERT INTO ${t} (id, doc, position) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, position = excluded.position
       WHERE position IS NULL OR position < excluded.position`,
    ),
    delete: db.prepare(`DELETE FROM ${t} WHERE id = ?`),
    deleteAt: db.prepare(`DELETE FROM ${t} WHERE id = ? AND (position IS NULL OR position < ?)`),
  };
}
