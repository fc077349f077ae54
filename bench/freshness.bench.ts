// Read-your-writes freshness: consumption commands at a steady rate (default 500/s) against the
// built hub; for every fifth answer, a Customer Activity query with `minPosition` set to the
// answer's position, timed from the command's answer to the query's (the wait for the projector
// plus the query itself). The baseline, in the same run: the same query without minPosition,
// sent beside it. First the hub as `npm start` runs it (every role in one process), then split
// as an operator scales it (an api process and a projector process on one DATA_DIR).
// The requests go through an undici Pool (keep-alive, a connection per request in flight): Node's
// `fetch` spent about 0.7 CPU ms a request in this process, half a core of a two-core machine
// taken from the hub it measures. The generator's CPU is printed beside the figures.
// `npm run bench:freshness [-- --rate N --seconds N --contracts N --warm-up N]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { arg, percentile } from './bench-args';
import { Server, startHub } from './http-processes';
import { Seeded, consumptionBody, seed } from './http-seed';

const RATE = arg('rate', 500);
const SECONDS = arg('seconds', 10);
const CONTRACTS = arg('contracts', 20);
const SAMPLE_EVERY = 5;
/**
 * Load at the rate before the measured seconds (then drained). A cold hub answers its first
 * commands in seconds (the JIT, the statements, the caches) and works off that queue for about
 * 5 s at 500/s: a shorter warm-up measured the end of start-up, not the steady rate.
 */
const WARM_UP_SECONDS = arg('warm-up', 6);
/** Commands in flight at most: past it the hub is not keeping up, and the rate shows it. */
const MAX_IN_FLIGHT = 256;

const now = () => performance.now();
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;

interface Figures {
  sent: number;
  ok: number;
  failed: number;
  seconds: number;
  commands: number[];
  visible: number[];
  plain: number[];
  /** CPU seconds this process (the load generator) used. */
  generatorCpu: number;
}

async function drive(pool: Pool, seeded: Seeded, seconds: number): Promise<Figures> {
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const query = async (minPosition?: string): Promise<number> => {
    const started = now();
    const path = `/v1/customer-activity${minPosition ? `?minPosition=${minPosition}` : ''}`;
    const answer = await pool.request({ method: 'GET', path, headers: auth(seeded.customerAdmin) });
    await answer.body.text();
    if (answer.statusCode !== 200) throw new Error(`query answered ${answer.statusCode}`);
    return now() - started;
  };
  const figures: Figures = {
    sent: 0,
    ok: 0,
    failed: 0,
    seconds: 0,
    commands: [],
    visible: [],
    plain: [],
    generatorCpu: 0,
  };
  const cpuBefore = process.cpuUsage();
  const pending = new Set<Promise<void>>();
  const command = async (n: number): Promise<void> => {
    const started = now();
    const answer = await pool.request({
      method: 'POST',
      path: '/v1/consumption',
      headers: { ...auth(seeded.service), 'content-type': 'application/json' },
      body: consumptionBody(seeded.contractIds, n),
    });
    const body = (await answer.body.json()) as { position?: string };
    if (answer.statusCode !== 201 || !body.position) {
      figures.failed += 1;
      return;
    }
    figures.ok += 1;
    figures.commands.push(now() - started);
    if (n % SAMPLE_EVERY !== 0) return;
    const [visible, plain] = await Promise.all([query(body.position), query()]);
    figures.visible.push(visible);
    figures.plain.push(plain);
  };
  const started = now();
  const end = started + seconds * 1000;
  // Open loop: what is due by now is sent now, whatever the answers so far.
  while (now() < end) {
    const due = Math.floor(((now() - started) / 1000) * RATE);
    while (figures.sent < due && pending.size < MAX_IN_FLIGHT) {
      const sending = command(figures.sent).catch(() => {
        figures.failed += 1;
      });
      figures.sent += 1;
      pending.add(sending);
      void sending.finally(() => pending.delete(sending));
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  figures.seconds = (now() - started) / 1000;
  await Promise.all(pending);
  const cpu = process.cpuUsage(cpuBefore);
  figures.generatorCpu = (cpu.user + cpu.system) / 1e6;
  return figures;
}

function report(label: string, f: Figures): number {
  const visible = sorted(f.visible);
  const plain = sorted(f.plain);
  const commands = sorted(f.commands);
  console.log(
    `\n${label}: ${f.ok} commands answered in ${f.seconds.toFixed(1)} s (${Math.round(f.ok / f.seconds)}/s asked ${RATE}/s; ${f.failed} failed; load generator ${f.generatorCpu.toFixed(1)} CPU s)`,
  );
  console.log(`${'latency'.padEnd(46)}${'p50'.padStart(9)}${'p99'.padStart(9)}`);
  const row = (name: string, xs: number[]) =>
    console.log(`${name.padEnd(46)}${ms(percentile(xs, 50))}${ms(percentile(xs, 99))}`);
  row('command (POST /v1/consumption)', commands);
  row(`answer -> visible via minPosition (${visible.length})`, visible);
  row('baseline: the same query without minPosition', plain);
  return percentile(visible, 99);
}

async function measured(dataDir: string, roles: string[], label: string): Promise<number> {
  const servers: Server[] = [];
  try {
    for (const [i, role] of roles.entries())
      servers.push(await startHub(dataDir, role, `${label}-${i}`));
    const api = servers[0];
    const seeded = await seed(api.url, CONTRACTS);
    // A sampled command holds its slot while its two queries run: twice the slots, never queued here.
    const pool = new Pool(api.url, { connections: 2 * MAX_IN_FLIGHT });
    try {
      await drive(pool, seeded, WARM_UP_SECONDS); // connections, JIT, prepared statements
      return report(label, await drive(pool, seeded, SECONDS));
    } finally {
      await pool.close();
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'hub-bench-freshness-'));
  try {
    console.log(
      `${RATE} commands/s for ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up; one query with minPosition per ${SAMPLE_EVERY} commands`,
    );
    const one = await measured(
      join(root, 'one'),
      ['api,projector,workflows'],
      'one process (npm start)',
    );
    const split = await measured(
      join(root, 'split'),
      ['api', 'projector,workflows'],
      'api + projector processes',
    );
    const verdict = (p99: number) => (p99 <= 50 ? 'met' : 'NOT met');
    console.log(
      `\ntarget p99 <= 50 ms: one process ${verdict(one)} (${one.toFixed(1)} ms), split ${verdict(split)} (${split.toFixed(1)} ms)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
