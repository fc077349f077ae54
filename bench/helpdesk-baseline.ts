// The help-desk bench's baseline: each lookup as one indexed SQL query on plain tables (one
// column per attribute, lower-cased) in the same SQLite engine, knowing which attribute the
// agent meant. A floor for the projection's search, which must guess the attribute and rank.
import Database from 'better-sqlite3';
import { normalizeText, wordsOf } from '@hub/projections/helpdesk/helpdesk.terms';
import { BenchOrg, BenchUser } from './helpdesk-data';

/** One search of the mix: what the agent typed and which attribute they meant. */
export interface Lookup {
  kind: 'domain' | 'email' | 'displayName' | 'lastName' | 'orderNumber' | 'orgName';
  q: string;
}

const SCOPED = 'org_id IN (SELECT value FROM json_each(?))';

export class Baseline {
  private readonly db: Database.Database;
  private readonly queries: Record<Lookup['kind'], Database.Statement>;

  constructor(file: string, orgs: BenchOrg[], users: BenchUser[]) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE users (user_id TEXT PRIMARY KEY, org_id TEXT, email TEXT, display_name TEXT, last_name TEXT);
      CREATE TABLE org_keys (key TEXT, kind TEXT, org_id TEXT);
      CREATE INDEX users_email ON users (email);
      CREATE INDEX users_display ON users (display_name);
      CREATE INDEX users_last ON users (last_name);
      CREATE INDEX org_keys_key ON org_keys (kind, key);`);
    const user = this.db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?)');
    const key = this.db.prepare('INSERT INTO org_keys VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const u of users)
        user.run(
          u.userId,
          u.orgId,
          normalizeText(u.email),
          normalizeText(u.displayName),
          normalizeText(u.lastName),
        );
      for (const o of orgs) {
        for (const d of o.domains) key.run(normalizeText(d.name), 'domain', o.orgId);
        for (const n of o.orderNumbers) key.run(normalizeText(n), 'orderNumber', o.orgId);
        for (const w of wordsOf(o.name)) key.run(w, 'orgName', o.orgId);
      }
    })();
    const users20 = (column: string) =>
      this.db.prepare(
        `SELECT user_id, org_id FROM users WHERE ${column} >= ? AND ${column} < ? AND ${SCOPED} ORDER BY ${column} LIMIT 20`,
      );
    const orgs20 = (kind: string) =>
      this.db.prepare(
        `SELECT org_id FROM org_keys WHERE kind = '${kind}' AND key >= ? AND key < ? AND ${SCOPED} ORDER BY key LIMIT 20`,
      );
    this.queries = {
      email: users20('email'),
      displayName: users20('display_name'),
      lastName: users20('last_name'),
      domain: orgs20('domain'),
      orderNumber: orgs20('orderNumber'),
      orgName: orgs20('orgName'),
    };
  }

  lookup(lookup: Lookup, scope: readonly string[]): unknown[] {
    return this.queries[lookup.kind].all(lookup.q, `${lookup.q}\uffff`, JSON.stringify(scope));
  }

  close(): void {
    this.db.close();
  }
}
