// The hub over HTTP, against a bare Fastify server doing the same storage work, in the same run:
// consumption commands (each with a fresh id) and Customer Activity queries at a fixed number of
// connections, from autocannon on loopback; between the two, the framework floor (the stack
// architecture.md prescribes, doing only the baseline's storage work); then the commands through
// two `api` processes against one, on one DATA_DIR (a projector process beside them).
// `npm run bench:http [-- --seconds N --connections N --query-connections N --contracts N]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg } from './bench-args';
import { Load, LoadResult, formatLoad, measure } from './http-load';
import { Server, cpuSeconds, startBaseline, startFloor, startHub } from './http-processes';
import { Seeded, benchTokens, consumptionBody, seed } from './http-seed';

const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 32);
const QUERY_CONNECTIONS = arg('query-connections', 4);
const CONTRACTS = arg('contracts', 20);
const WARM_UP_SECONDS = 2;

const commands = (seeded: Seeded, connections = CONNECTIONS): Load => ({
  method: 'POST',
  path: '/v1/consumption',
  token: seeded.service,
  body: (n) => consumptionBody(seeded.contractIds, n),
  connections,
  seconds: SECONDS,
});
const queries = (seeded: Seeded): Load => ({
  method: 'GET',
  path: '/v1/customer-activity',
  token: seeded.customerAdmin,
  connections: QUERY_CONNECTIONS,
  seconds: SECONDS,
});

interface Measured extends LoadResult {
  /** CPU the servers used per answer, in ms. */
  cpuMs: number;
  /** Of which the servers beside the loaded ones (the projector process). */
  besideCpuMs: number;
}

/**
 * A short run first (connections, prepared statements, JIT), then the measured one, loading
 * `targets`; CPU is counted over them and `beside` (a projector process).
 */
async function warmThenMeasure(
  targets: readonly Server[],
  load: Load,
  beside: readonly Server[] = [],
): Promise<Measured> {
  const urls = targets.map((server) => server.url);
  await measure(urls, { ...load, seconds: WARM_UP_SECONDS });
  const all = [...targets, ...beside];
  const cpu = (servers: readonly Server[] = all) =>
    servers.reduce((sum, server) => sum + cpuSeconds(server.pid), 0);
  const before = cpu();
  const besideBefore = cpu(beside);
  const result = await measure(urls, load);
  const each = (seconds: number) => (seconds * 1000) / Math.max(1, result.answered);
  return { ...result, cpuMs: each(cpu() - before), besideCpuMs: each(cpu(beside) - besideBefore) };
}

const line = (label: string, r: Measured) =>
  console.log(
    `${label.padEnd(22)}${formatLoad(r)}  ${r.cpuMs.toFixed(2)} CPU ms each${r.besideCpuMs ? ` (projector ${r.besideCpuMs.toFixed(2)})` : ''}`,
  );

async function withServer<T>(start: () => Promise<Server>, use: (s: Server) => Promise<T>) {
  const server = await start();
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

/** Commands through `apiCount` api processes and one projector, on a fresh DATA_DIR. */
async function scaleOut(root: string, apiCount: number): Promise<Measured> {
  const dataDir = join(root, `scale-${apiCount}`);
  return withServer(
    () => startHub(dataDir, 'projector,workflows', 'projector'),
    async (projector) => {
      const apis: Server[] = [];
      try {
        for (let i = 0; i < apiCount; i += 1) apis.push(await startHub(dataDir, 'api', `api-${i}`));
        const data = await seed(apis[0].url, CONTRACTS);
        return await warmThenMeasure(apis, commands(data), [projector]);
      } finally {
        for (const api of apis) await api.stop();
      }
    },
  );
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'hub-bench-http-'));
  try {
    console.log(
      `${SECONDS} s a run (after ${WARM_UP_SECONDS} s of warm-up); commands at ${CONNECTIONS} connections, queries at ${QUERY_CONNECTIONS}; ${CONTRACTS} contracts\n`,
    );
    // The baselines' own data: the contracts their storage knows, the hub's bench tokens.
    const unseeded: Seeded = {
      agreementId: 'agr-bench',
      contractIds: Array.from({ length: CONTRACTS }, (_, i) => `ctr-${i}`),
      ...benchTokens(),
    };
    const both = async (server: Server) => ({
      commands: await warmThenMeasure([server], commands(unseeded)),
      queries: await warmThenMeasure([server], queries(unseeded)),
    });
    const base = await withServer(() => startBaseline(join(root, 'baseline'), CONTRACTS), both);
    line('baseline commands', base.commands);
    line('baseline queries', base.queries);
    const floor = await withServer(() => startFloor(join(root, 'floor'), CONTRACTS), both);
    line('floor commands', floor.commands);
    line('floor queries', floor.queries);

    const hubDir = join(root, 'hub');
    const hub = await withServer(
      () => startHub(hubDir, 'api,projector,workflows', 'hub'),
      async (server) => {
        const seeded = await seed(server.url, CONTRACTS);
        return {
          commands: await warmThenMeasure([server], commands(seeded)),
          queries: await warmThenMeasure([server], queries(seeded)),
        };
      },
    );
    line('hub commands', hub.commands);
    line('hub queries', hub.queries);

    const one = await scaleOut(root, 1);
    line('1 api + projector', one);
    const two = await scaleOut(root, 2);
    line('2 api + projector', two);

    const ratio = hub.commands.perSecond / base.commands.perSecond;
    const scale = two.perSecond / one.perSecond;
    console.log(
      `\ncommand throughput hub/baseline: ${(ratio * 100).toFixed(0)}% (target >= 50%: ${ratio >= 0.5 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `query p50 ${hub.queries.p50.toFixed(1)} ms, p99 ${hub.queries.p99.toFixed(1)} ms at ${Math.round(hub.queries.perSecond)}/s (target p99 <= 10 ms: ${hub.queries.p99 <= 10 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `CPU per command: hub ${hub.commands.cpuMs.toFixed(2)} ms, floor ${floor.commands.cpuMs.toFixed(2)} ms, baseline ${base.commands.cpuMs.toFixed(2)} ms (${(hub.commands.cpuMs / base.commands.cpuMs).toFixed(1)}x)`,
    );
    const percent = (a: Measured, b: Measured) =>
      `${((a.perSecond / b.perSecond) * 100).toFixed(0)}%`;
    console.log(
      `command throughput floor/baseline: ${percent(floor.commands, base.commands)} (the stack alone, with the baseline's storage work); hub/floor: ${percent(hub.commands, floor.commands)}`,
    );
    console.log(`two api processes / one: ${scale.toFixed(2)}x (goal 1.5x)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
