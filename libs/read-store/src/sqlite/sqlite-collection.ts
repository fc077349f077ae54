import Database from 'better-sqlite3';
import { assertCollection } from '../shared/identifiers';

/** The SQL of one collection's table: its creation, its reads and its writes. */
export interface CollectionSql {
  create: string;
  get: string;
  getMany: string;
  /** Unconditional write by `put` (outside any batch): the stored position becomes unknown. */
  put: string;
  /** Batch write: skipped when the stored document was written by a newer position. */
  putAt: string;
  delete: string;
  deleteAt: string;
}

/**
 * The table a collection is kept in (its name validated): `rm_` keeps them apart from the
 * store's `checkpoints`.
 */
export function collectionTable(collection: string): string {
  return `rm_${assertCollection(collection)}`;
}

/** The SQL of a collection's table. */
export function sqlOfCollection(collection: string): CollectionSql {
  return collectionSql(collectionTable(collection));
}

export function collectionSql(table: string): CollectionSql {
  const t = `"${table}"`;
  return {
    create: `CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER)`,
    get: `SELECT doc FROM ${t} WHERE id = ?`,
    getMany: `SELECT id, doc FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`,
    put: `INSERT INTO ${t} (id, doc, position) VALUES (?, ?, NULL)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, position = NULL`,
    putAt: `INSERT INTO ${t} (id, doc, position) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, position = excluded.position
       WHERE position IS NULL OR position < excluded.position`,
    delete: `DELETE FROM ${t} WHERE id = ?`,
    deleteAt: `DELETE FROM ${t} WHERE id = ? AND (position IS NULL OR position < ?)`,
  };
}

/** A collection's table and its read statements, prepared once (its writes go to the writer). */
export interface SqliteCollection {
  table: string;
  get: Database.Statement<[string], { doc: string }>;
  getMany: Database.Statement<[string], { id: string; doc: string }>;
}

/** Prepares the reads of a collection whose table exists. */
export function openCollection(db: Database.Database, collection: string): SqliteCollection {
  const table = collectionTable(collection);
  const sql = collectionSql(table);
  return { table, get: db.prepare(sql.get), getMany: db.prepare(sql.getMany) };
}
