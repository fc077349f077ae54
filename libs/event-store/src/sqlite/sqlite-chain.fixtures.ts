import Database from 'better-sqlite3';

/**
 * Writes a log as the store wrote it before the hash chain existed (no `hash` column, no
 * user_version): `count` events `old-1`/`Numbered`, positions from 1.
 */
export function writeUnchainedLog(file: string, count = 5): void {
  const legacy = new Database(file);
  legacy.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL,
    stream TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
    metadata TEXT NOT NULL, recorded_at TEXT NOT NULL)`);
  const insert = legacy.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (let n = 1; n <= count; n += 1)
    insert.run(
      n,
      `e${n}`,
      'old-1',
      n - 1,
      'Numbered',
      `{"n":${n}}`,
      '{}',
      '2024-01-01T00:00:00.000Z',
    );
  legacy.close();
}
