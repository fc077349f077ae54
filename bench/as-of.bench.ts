// As-of answers at scale: customer-activity, addon-balances and cases answered as they stood at
// random past instants and positions (from the nearest snapshot, as GET /v1/audit/projections
// answers), against the live query of the same projection in the same run, on logs of each size.
// `npm run bench:as-of [-- --sizes 100000,1000000 --requests 200 --every 2500]`.
// Each log is seeded in a child process (seeded-log.ts) and projected by the real runner into
// a SQLite read store, snapshots included; the rebuild is setup, timed but not a target.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NotFoundError } from '@hub/domain';
import { GlobalPosition, SqliteEventStore } from '@hub/event-store';
import { SqliteReadModelStore } from '@hub/read-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { asOfView } from '@hub/projection/as-of';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { AS_OF_QUERIES } from '@hub/projections/queries';
import { CallerScope } from '@hub/projections/access/caller-scope';
import { random } from '@hub/testing/projection/hub-workload-activity';
import { seedLog } from './seeded-log';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const SIZES = arg('sizes', '100000,1000000').split(',').map(Number);
const REQUESTS = Number(arg('requests', '200'));
const EVERY = Number(arg('every', '2500'));
const NAMES = ['customer-activity', 'addon-balances', 'cases'];
const NOW = new Date('2024-06-15T12:00:00.000Z');
const AUDITOR: CallerScope = { all: true, userId: 'bench-auditor', workspaces: new Map() };
const ms = (): number => Number(process.hrtime.bigint()) / 1e6;

interface Row {
  name: string;
  events: number;
  asOf: number[];
  live: number[];
}

function notFound(error: unknown): void {
  if (!(error instanceof NotFoundError)) throw error;
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const p = (values: number[], q: number): number =>
  quantile(
    [...values].sort((a, b) => a - b),
    q,
  );

/** Every workspace with a document in `collection` of the live build (what auditors ask about). */

/** These projections' queries look no address up. */
const noAddressLookups = (): string => {
  throw new Error('looked an address up');
};
async function workspacesOf(runner: ProjectionRunner, store: SqliteReadModelStore, name: string) {
  const view = runner.view(name);
  const page = await store.find<{ workspaceId: string }>(
    view.collection(name === 'cases' ? 'cases' : 'workspace_mappings'),
    { limit: 2000 },
  );
  return [...new Set(page.items.map((d) => d.workspaceId))];
}

async function measure(dir: string, total: number): Promise<{ rows: Row[]; disk: string }> {
  const eventsFile = join(dir, `events-${total}.sqlite`);
  const head = await seedLog(eventsFile, total);
  const events = new SqliteEventStore({ file: eventsFile });
  const readFile = join(dir, `read-${total}.sqlite`);
  const store = new SqliteReadModelStore({ file: readFile });
  const projections = ALL_PROJECTIONS.filter((proj) => NAMES.includes(proj.name));
  const runner = new ProjectionRunner(events, store, projections, { snapshotEvery: EVERY });
  const rows: Row[] = [];
  try {
    const started = ms();
    await runner.start();
    for (const name of NAMES) await runner.waitForPosition(name, head, 3_600_000);
    console.log(
      `  ${total}: projected with snapshots in ${((ms() - started) / 1000).toFixed(1)} s`,
    );
    const rnd = random(total);
    for (const name of NAMES) {
      const projection = projections.find((proj) => proj.name === name)!;
      const workspaces = await workspacesOf(runner, store, name);
      const row: Row = { name, events: total, asOf: [], live: [] };
      for (let i = 0; i < REQUESTS; i += 1) {
        const query = { workspaceId: workspaces[Math.floor(rnd() * workspaces.length)] };
        const at = BigInt(1 + Math.floor(rnd() * Number(head))) as GlobalPosition;
        const [event] = await events.readAll({ fromPosition: at, maxCount: 1 });
        const asOf = i % 2 === 0 ? { position: at } : { instant: event.recordedAt };
        let t = ms();
        const view = await asOfView(events, store, projection, asOf);
        // A workspace created after the instant is a 404 then: an answer like any other.
        await AS_OF_QUERIES[name](view, AUDITOR, query, NOW, noAddressLookups).catch(notFound);
        row.asOf.push(ms() - t);
        t = ms();
        await AS_OF_QUERIES[name](runner.view(name), AUDITOR, query, NOW, noAddressLookups);
        row.live.push(ms() - t);
      }
      rows.push(row);
    }
    return {
      rows,
      disk: await diskCost(
        readFile,
        projections.map((proj) => runner.collection(proj.name, '')),
        total,
      ),
    };
  } finally {
    await runner.stop();
    await store.close();
    await events.close();
  }
}

/** Bytes of document text in the snapshot tables against the live documents' (same file). */
async function diskCost(file: string, prefixes: string[], total: number): Promise<string> {
  const db = new Database(file, { readonly: true });
  try {
    let live = 0;
    let snapshots = 0;
    let rows = 0;
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_%'`)
      .all() as { name: string }[];
    for (const { name } of tables) {
      if (!prefixes.some((prefix) => name.startsWith(`rm_${prefix}`))) continue;
      const { n, bytes } = db
        .prepare(`SELECT count(*) AS n, coalesce(sum(length(doc)), 0) AS bytes FROM "${name}"`)
        .get() as { n: number; bytes: number };
      if (name.includes('_snapshot')) {
        snapshots += bytes;
        rows += n;
      } else live += bytes;
    }
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    return `| ${total} | ${mb(live)} | ${mb(snapshots)} | ${rows} | ${(snapshots / live).toFixed(2)} | ${mb(statSync(file).size)} |`;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-as-of-'));
  const rows: Row[] = [];
  const disk: string[] = [];
  try {
    for (const total of SIZES) {
      const result = await measure(dir, total);
      rows.push(...result.rows);
      disk.push(result.disk);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nas-of answers (one workspace, random instant or position), ${REQUESTS} each, snapshot every ${EVERY} events\n`,
  );
  console.log('| projection | events | as-of p50 ms | as-of p95 ms | live p50 ms | live p95 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.events} | ${p(r.asOf, 0.5).toFixed(1)} | ${p(r.asOf, 0.95).toFixed(1)} | ${p(r.live, 0.5).toFixed(1)} | ${p(r.live, 0.95).toFixed(1)} |`,
    );
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  if (small !== large) {
    console.log(`\n| projection | p95 ${large} / p95 ${small} | target |`);
    console.log('| --- | ---: | ---: |');
    for (const name of NAMES) {
      const at = (n: number) => p(rows.find((r) => r.name === name && r.events === n)!.asOf, 0.95);
      console.log(`| ${name} | ${(at(large) / at(small)).toFixed(2)} | ≤ 2 |`);
    }
  }
  console.log('\nsnapshot disk cost (document text; the file holds indexes too)\n');
  console.log(
    '| events | live documents MB | snapshot rows MB | snapshot rows | snapshots / live | read store file MB |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  disk.forEach((line) => console.log(line));
  console.log('\ntarget: as-of p95 ≤ 100 ms at 1,000,000 events, and ≤ 2× the 100,000 figure');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
