import Database from 'better-sqlite3';

/** Past this many streams the knowledge is dropped and gathered again (one stream per id claim). */
const MAX_KNOWN_STREAMS = 100_000;

/**
 * What one connection knows of streams' heads, so that a read past a stream's known last
 * revision (a cached aggregate catching up, on every command) answers nothing without a query.
 * Known means: read up to its end on this connection, or appended by this connection. SQLite's
 * `data_version` changes when another connection (another process) commits to the file, and
 * then everything known is forgotten: a commit from elsewhere may have extended any stream.
 */
export class StreamHeads {
  /** Stream → no event of it lies past this revision (-1: none at all). */
  private readonly heads = new Map<string, number>();
  private readonly dataVersion: Database.Statement;
  private version: unknown;

  constructor(db: Database.Database) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.version = this.dataVersion.get();
  }

  /** Whether `stream` is known to hold nothing from `fromRevision` on. */
  knownEmptyFrom(stream: string, fromRevision: number): boolean {
    // A stream this connection knows nothing of (a new id's claim, on every command) is read
    // either way: asking SQLite whether another process committed would only cost the question.
    const head = this.heads.get(stream);
    if (head === undefined || fromRevision <= head) return false;
    return !this.forgetIfChangedElsewhere();
  }

  /**
   * A read of `stream` to its end found nothing past `last` (its last event read, or the
   * revision before the one the read started from).
   */
  readTo(stream: string, last: number): void {
    this.remember(stream, last);
  }

  /** This connection committed events to these streams, ending at these revisions. */
  appended(heads: ReadonlyMap<string, number>): void {
    for (const [stream, revision] of heads) this.remember(stream, revision);
  }

  private remember(stream: string, revision: number): void {
    if (this.heads.size >= MAX_KNOWN_STREAMS) this.heads.clear();
    this.heads.set(stream, revision);
  }

  /** Whether another connection committed since the last look (then all is forgotten). */
  private forgetIfChangedElsewhere(): boolean {
    const version = this.dataVersion.get();
    if (version === this.version) return false;
    this.heads.clear();
    this.version = version;
    return true;
  }
}
