// bench:http's baseline: a bare Fastify server doing the hub's storage work and nothing else
// (no token, no validation, no decision, no projection). POST /v1/consumption appends the same
// two rows as the hub (the id's claim and the ledger record) to a SQLite file with the hub's
// event-store schema and pragmas (openEventDatabase: WAL, synchronous=FULL), appends arriving
// together committed in one transaction as the hub's group commit does; GET
// /v1/customer-activity reads one customer's balance documents by an index and sums them.
// `node dist/bench/http-baseline-server.js <dir> <port> <balances>`.
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openEventDatabase } from '@hub/event-store/sqlite/sqlite-schema';

const [dir, port, balances] = process.argv.slice(2);
const events = openEventDatabase({ file: join(dir, 'baseline-events.sqlite') });
const insert = events.prepare(
  'INSERT INTO events (position, event_id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);
let position = Number(events.prepare('SELECT max(position) FROM events').pluck().get() ?? 0);
const revisions = new Map<string, number>();

interface Pending {
  body: Record<string, unknown>;
  /** The ledger record's position, once committed. */
  position?: number;
  done: (error?: unknown) => void;
}
let queue: Pending[] = [];

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

const commit = events.transaction((batch: Pending[]) => {
  const at = new Date().toISOString();
  for (const pending of batch) {
    const { body } = pending;
    const ledger = `ledger-${String(body.contractId)}`;
    const revision = (revisions.get(ledger) ?? -1) + 1;
    const claim = JSON.stringify({ ownerStream: ledger });
    insert.run(
      ++position,
      randomUUID(),
      `id-consumption-${String(body.consumptionId)}`,
      0,
      'IdClaimed',
      claim,
      metadata(),
      at,
    );
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

function flush(): void {
  const batch = queue;
  queue = [];
  try {
    commit(batch);
    for (const pending of batch) pending.done();
  } catch (error) {
    // A failed transaction wrote nothing: undo the positions and revisions it took.
    position = Number(events.prepare('SELECT max(position) FROM events').pluck().get() ?? 0);
    revisions.clear();
    for (const pending of batch) pending.done(error);
  }
}

const reads = new Database(join(dir, 'baseline-reads.sqlite'));
reads.pragma('journal_mode = WAL');
reads.exec(`CREATE TABLE IF NOT EXISTS balances (id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, body TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS balances_agreement ON balances (agreement_id);`);
const put = reads.prepare('INSERT OR REPLACE INTO balances VALUES (?, ?, ?)');
reads.transaction(() => {
  // The customer read, among others' documents so that the index has work to do.
  for (let i = 0; i < 1000; i += 1) {
    const agreement = i < Number(balances) ? 'agr-bench' : `agr-${i}`;
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

const app = Fastify();
app.get('/health/live', async () => ({ status: 'up' }));
app.post('/v1/consumption', (request, reply) => {
  const body = request.body as Record<string, unknown>;
  if (queue.length === 0) setImmediate(flush);
  const pending: Pending = {
    body,
    done: (error) =>
      error
        ? reply.code(500).send({ code: 'failed' })
        : reply
            .code(201)
            .send({ consumptionId: body.consumptionId, position: String(pending.position) }),
  };
  queue.push(pending);
});
app.get('/v1/customer-activity', async () => {
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
});
app.listen({ port: Number(port), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
