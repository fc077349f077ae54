// The floor a rebuild is compared with: the very documents the rebuild produced, written
// straight into a fresh store of the same engine with bulk inserts (no events, no evolve, no
// conditional writes, no checkpoints), with the same tables/collections and indexes.
import Database from 'better-sqlite3';
import { Db } from 'mongodb';
import { Document, READ_STORE_CACHE_MIB, ReadModelStore } from '@hub/read-store';

/** One physical collection of a rebuilt projection and the index field lists it declares. */
export interface BenchCollection {
  name: string;
  indexes: readonly (readonly string[])[];
}

export interface BaselineResult {
  documents: number;
  seconds: number;
}

const CHUNK = 10_000;
const now = (): number => Number(process.hrtime.bigint()) / 1e9;

/** Every document of a collection, as the store's queries return it. */
async function readAll(store: ReadModelStore, collection: string): Promise<Document[]> {
  return (await store.find(collection)).items;
}

/**
 * SQLite: prepared INSERTs of (id, JSON) into `rm_<collection>` tables of the same shape,
 * CHUNK rows per transaction, with the same index DDL the rebuilt file holds; WAL,
 * synchronous=NORMAL and the page cache, as the read store uses. Only the writes are timed,
 * not the read-back.
 */
export async function sqliteBaseline(
  rebuilt: ReadModelStore,
  rebuiltFile: string,
  freshFile: string,
  collections: readonly BenchCollection[],
): Promise<BaselineResult> {
  const source = new Database(rebuiltFile, { readonly: true });
  const db = new Database(freshFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = -${READ_STORE_CACHE_MIB * 1024}`);
  let documents = 0;
  let seconds = 0;
  try {
    for (const { name } of collections) {
      const table = `rm_${name}`;
      const indexSql = source
        .prepare(
          `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
        )
        .pluck()
        .all(table) as string[];
      const docs = await readAll(rebuilt, name);
      const started = now();
      db.exec(`CREATE TABLE "${table}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER)`);
      for (const sql of indexSql) db.exec(sql);
      const insert = db.prepare(`INSERT INTO "${table}" (id, doc, position) VALUES (?, ?, ?)`);
      const write = db.transaction((chunk: Document[]) => {
        for (const doc of chunk) insert.run(doc.id as string, JSON.stringify(doc), 1);
      });
      for (let i = 0; i < docs.length; i += CHUNK) write(docs.slice(i, i + CHUNK));
      seconds += now() - started;
      documents += docs.length;
    }
  } finally {
    source.close();
    db.close();
  }
  return { documents, seconds };
}

/**
 * MongoDB: insertMany (unordered, CHUNK documents a call) into fresh collections of `db`,
 * after creating the same indexes the projections declare.
 */
export async function mongoBaseline(
  rebuilt: ReadModelStore,
  db: Db,
  collections: readonly BenchCollection[],
): Promise<BaselineResult> {
  let documents = 0;
  let seconds = 0;
  for (const { name, indexes } of collections) {
    const docs = await readAll(rebuilt, name);
    const started = now();
    const collection = db.collection<Document & { _id: string }>(name);
    for (const fields of indexes)
      await collection.createIndex(Object.fromEntries(fields.map((field) => [field, 1])));
    for (let i = 0; i < docs.length; i += CHUNK)
      await collection.insertMany(
        docs.slice(i, i + CHUNK).map((doc) => ({ ...doc, _id: doc.id as string })),
        { ordered: false },
      );
    seconds += now() - started;
    documents += docs.length;
  }
  return { documents, seconds };
}
