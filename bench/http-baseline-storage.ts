// The storage work of bench:http's baselines, shared by the bare Fastify server and the
// framework-floor server: a consumption appends the same two rows as the hub (the id's claim and
// the ledger record) to a SQLite file with the hub's event-store schema and pragmas
// (openEventDatabase: WAL, synchronous=FULL), appends arriving together committed in one
// transaction as the hub's group commit does; the Customer Activity answer reads one customer's
// balance documents by an index and sums them.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openEventDatabase } from '@hub/event-store/sqlite/sqlite-schema';

export interface BaselineStorage {
  /** Appends the claim and the record; resolves with the record's position once committed. */
  append(body: Record<string, unknown>): Promise<number>;
  customerActivity(): { categories: Record<string, unknown>[] };
}

interface Pending {
  body: Record<string, unknown>;
  position?: number;
  done: (error?: unknown) => void;
}

function metadata(): string {
  const id = randomUUID();
  return JSON.stringify({
    eventId: id,
    schemaVersion: 1,
    correlationId: id,
    causationId: id,
    actor: { userId: 'delivery-service', roles: ['Service'] },
    source: 'http',
    occurredAt: new Date().toISOString(),
  });
}

function openAppends(dir: string): BaselineStorage['append'] {
  const events = openEventDatabase({ file: join(dir, 'baseline-events.sqlite') });
  const insert = events.prepare(
    'INSERT INTO events (position, event_id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const head = () => Number(events.prepare('SELECT max(position) FROM events').pluck().get() ?? 0);
  let position = head();
  const revisions = new Map<string, number>();
  let queue: Pending[] = [];

  const commit = events.transaction((batch: Pending[]) => {
    const at = new Date().toISOString();
    for (const pending of batch) {
      const { body } = pending;
      const ledger = `ledger-${String(body.contractId)}`;
      const revision = (revisions.get(ledger) ?? -1) + 1;
      const claim = JSON.stringify({ ownerStream: ledger });
      const claimStream = `id-consumption-${String(body.consumptionId)}`;
      insert.run(++position, randomUUID(), claimStream, 0, 'IdClaimed', claim, metadata(), at);
      const record = JSON.stringify({
        ...body,
        category: 'proactive',
        source: 'delivery-service',
        overage: 0,
      });
      insert.run(
        ++position,
        randomUUID(),
        ledger,
        revision,
        'ConsumptionLogged',
        record,
        metadata(),
        at,
      );
      revisions.set(ledger, revision);
      pending.position = position;
    }
  });

  const flush = () => {
    const batch = queue;
    queue = [];
    try {
      commit(batch);
      for (const pending of batch) pending.done();
    } catch (error) {
      // A failed transaction wrote nothing: undo the positions and revisions it took.
      position = head();
      revisions.clear();
      for (const pending of batch) pending.done(error);
    }
  };

  return (body) =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      const pending: Pending = {
        body,
        done: (error) => (error ? reject(error) : resolve(pending.position!)),
      };
      queue.push(pending);
    });
}

function openReads(dir: string, balances: number): BaselineStorage['customerActivity'] {
  const reads = new Database(join(dir, 'baseline-reads.sqlite'));
  reads.pragma('journal_mode = WAL');
  reads.exec(`CREATE TABLE IF NOT EXISTS balances (id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, body TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS balances_agreement ON balances (agreement_id);`);
  const put = reads.prepare('INSERT OR REPLACE INTO balances VALUES (?, ?, ?)');
  reads.transaction(() => {
    // The customer read, among others' documents so that the index has work to do.
    for (let i = 0; i < 1000; i += 1) {
      const agreement = i < balances ? 'agr-bench' : `agr-${i}`;
      const body = {
        contractId: `ctr-${i}`,
        entitlementId: 'dse-hours',
        category: 'proactive',
        unit: 'hours',
        totalMillionths: 100_000_000_000,
        consumedMillionths: 250_000 * i,
      };
      put.run(`ctr-${i}:dse-hours`, agreement, JSON.stringify(body));
    }
  })();
  const byAgreement = reads.prepare('SELECT body FROM balances WHERE agreement_id = ?').pluck();
  return () => {
    const lines = (byAgreement.all('agr-bench') as string[]).map(
      (text) => JSON.parse(text) as { totalMillionths: number; consumedMillionths: number },
    );
    const total = lines.reduce((sum, line) => sum + line.totalMillionths, 0);
    const consumed = lines.reduce((sum, line) => sum + line.consumedMillionths, 0);
    return {
      categories: [
        { category: 'proactive', unit: 'hours', total: total / 1e6, consumed: consumed / 1e6 },
      ],
    };
  };
}

/** The storage of a baseline server on files in `dir`, `balances` of them the customer's. */
export function openBaselineStorage(dir: string, balances: number): BaselineStorage {
  return { append: openAppends(dir), customerActivity: openReads(dir, balances) };
}
