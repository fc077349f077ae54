import Database from 'better-sqlite3';
import {
  acquiredLease,
  DEFAULT_LEASE_MS,
  Fence,
  Lease,
  LeaseStore,
  StoredLease,
  validLeaseMs,
  validLeaseName,
} from '../lease.port';
import { SqliteWriter, WriteStep } from './sqlite-writes';

export const LEASES_TABLE = `CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY, holder TEXT, token INTEGER NOT NULL, expires_at INTEGER NOT NULL)`;

const LOST = { code: 'LEASE_LOST', message: 'the lease has passed to another holder' };

/** The first step of a fenced commit: fails the transaction unless the token is still the lease's. */
export function fenceStep(fence: Fence): WriteStep {
  return {
    sql: 'UPDATE leases SET token = token WHERE name = ? AND token = ?',
    constants: [fence.lease, fence.token],
    orFail: {
      ...LOST,
      message: `lease ${fence.lease} has passed on: token ${fence.token} is stale`,
    },
  };
}

interface Row {
  name: string;
  holder: string | null;
  token: number;
  expires_at: number;
}

/**
 * Leases in the read-store database. Every change goes through the store's one writer as a
 * conditional statement, so two processes racing for a lease cannot both win: the condition is
 * evaluated inside the write transaction, which SQLite serializes across connections.
 */
export class SqliteLeases implements LeaseStore {
  private readonly select: Database.Statement<[string], Row>;
  private readonly all: Database.Statement<[], Row>;

  constructor(
    db: Database.Database,
    private readonly writer: SqliteWriter,
    private readonly now: () => number,
  ) {
    db.exec(LEASES_TABLE);
    this.select = db.prepare('SELECT * FROM leases WHERE name = ?');
    this.all = db.prepare('SELECT * FROM leases ORDER BY name');
  }

  async acquireLease(name: string, holder: string, leaseMs = DEFAULT_LEASE_MS) {
    validLeaseName(name);
    const current = this.read(name);
    const next = acquiredLease(current, holder, this.now(), leaseMs);
    if (!next) return null;
    // Applies only if nobody changed the lease since it was read (compare-and-set on the row).
    const step: WriteStep = current
      ? {
          sql: `UPDATE leases SET holder = ?, token = ?, expires_at = ?
                WHERE name = ? AND token = ? AND holder IS ? AND expires_at = ?`,
          constants: [
            next.holder,
            next.token,
            next.expiresAt,
            name,
            current.token,
            current.holder,
            current.expiresAt,
          ],
          orFail: LOST,
        }
      : {
          sql: `INSERT INTO leases (name, holder, token, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING`,
          constants: [name, next.holder, next.token, next.expiresAt],
          orFail: LOST,
        };
    if (!(await this.wrote([step]))) return null;
    return { name, holder, token: next.token, expiresAt: next.expiresAt };
  }

  async renewLease(lease: Lease, leaseMs = DEFAULT_LEASE_MS): Promise<Lease | null> {
    const expiresAt = this.now() + validLeaseMs(leaseMs);
    const renewed = await this.wrote([
      {
        sql: 'UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ? AND token = ?',
        constants: [expiresAt, lease.name, lease.holder, lease.token],
        orFail: LOST,
      },
    ]);
    return renewed ? { ...lease, expiresAt } : null;
  }

  async releaseLease(lease: Lease): Promise<void> {
    await this.writer.write([
      {
        sql: 'UPDATE leases SET holder = NULL, expires_at = 0 WHERE name = ? AND holder = ? AND token = ?',
        constants: [lease.name, lease.holder, lease.token],
      },
    ]);
  }

  async listLeases(): Promise<Lease[]> {
    return this.all
      .all()
      .filter((row) => row.holder !== null)
      .map((row) => ({
        name: row.name,
        holder: row.holder!,
        token: row.token,
        expiresAt: row.expires_at,
      }));
  }

  private read(name: string): StoredLease | null {
    const row = this.select.get(name);
    return row ? { holder: row.holder, token: row.token, expiresAt: row.expires_at } : null;
  }

  /** Whether the conditional write applied (false: the lease changed under it). */
  private async wrote(steps: WriteStep[]): Promise<boolean> {
    try {
      await this.writer.write(steps);
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === LOST.code) return false;
      throw error;
    }
  }
}
