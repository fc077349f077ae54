// Servers the HTTP benches load, each in a child process of its own (the load generator runs in
// the bench's process): the built hub (dist/, as `npm start` runs it, with the roles asked for)
// and the bare Fastify baseline. All listen on 127.0.0.1, on a free port, with logs to a file.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A secret for the bench's tokens (the hub's HS256 verification runs as in production). */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

export interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * CPU seconds a process has used (user + system, every thread), from /proc: on a machine shared
 * with other work, CPU per request is steadier than requests per second.
 */
export function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(child: ChildProcess, url: string, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); see ${log}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not answer ${url}/health/live within 60 s; see ${log}`);
}

async function startChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  log: string,
  port: number,
): Promise<Server> {
  mkdirSync(dirname(log), { recursive: true });
  const out = openSync(log, 'a');
  // The hub's heap setting (package.json "start"); BENCH_CPU_PROF_DIR: a V8 profile of each server.
  const profile = process.env.BENCH_CPU_PROF_DIR;
  const flags = [
    '--max-semi-space-size=64',
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
  ];
  const child = spawn(process.execPath, [...flags, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(child, url, log);
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await ended;
    },
  };
}

/**
 * The hub on `dataDir` running `roles` (HUB_ROLES). The throttle is lifted (one client sends
 * everything here); the rest is the hub's default configuration (SQLite, synchronous=FULL).
 */
export async function startHub(dataDir: string, roles: string, label: string): Promise<Server> {
  const port = await freePort();
  const env = {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    HUB_ROLES: roles,
    HUB_JWT_SECRET: BENCH_SECRET,
    THROTTLE_PER_SECOND: '1000000',
    KAFKA_BROKERS: '',
  };
  return startChild('dist/apps/hub/main.js', [], env, join(dataDir, `${label}.log`), port);
}

/** The bare Fastify server of `bench/http-baseline-server.ts` on files in `dir`. */
export async function startBaseline(dir: string, balances: number): Promise<Server> {
  const port = await freePort();
  const args = [dir, String(port), String(balances)];
  return startChild(
    'dist/bench/http-baseline-server.js',
    args,
    {},
    join(dir, 'baseline.log'),
    port,
  );
}

/**
 * The framework floor of `bench/http-floor-server.ts` on files in `dir`: the hub's stack doing
 * the baseline's storage work, its tokens signed with `BENCH_SECRET`.
 */
export async function startFloor(dir: string, balances: number): Promise<Server> {
  const port = await freePort();
  const args = [dir, String(port), String(balances), BENCH_SECRET];
  return startChild('dist/bench/http-floor-server.js', args, {}, join(dir, 'floor.log'), port);
}
