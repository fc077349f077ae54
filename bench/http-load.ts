// Load for the HTTP benches: autocannon at a fixed number of connections for a bounded time,
// against one server or several at once (the connections split between them).
import autocannon from 'autocannon';
import { percentile } from './bench-args';

export interface LoadResult {
  /** Answers 2xx per second over the run. */
  perSecond: number;
  /** Latency percentiles of the 2xx answers, in ms. */
  p50: number;
  p99: number;
  answered: number;
  failed: number;
}

export interface Load {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  /** A fresh body per request (a command with a new id each time). */
  body?: (n: number) => string;
  connections: number;
  seconds: number;
}

interface Run {
  result: autocannon.Result;
  /** Each 2xx answer's time in ms (autocannon's own histogram rounds to whole ms). */
  times: number[];
}

function run(url: string, load: Load, connections: number): Promise<Run> {
  let n = 0;
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${load.path}`,
        method: load.method,
        connections,
        duration: load.seconds,
        headers: {
          'content-type': 'application/json',
          ...(load.token ? { authorization: `Bearer ${load.token}` } : {}),
        },
        requests: load.body
          ? [{ setupRequest: (request) => ({ ...request, body: load.body!((n += 1)) }) }]
          : undefined,
      },
      (error: unknown, result: autocannon.Result) =>
        error ? reject(error as Error) : resolve({ result, times }),
    );
    // The instance emits (client, status, bytes, ms) (lib/run.js), not what @types says.
    instance.on('response', (_client, status: number, _bytes, ms: number) => {
      if (status < 300) times.push(ms);
    });
  });
}

/** Runs `load` against every url at the same time; answers the combined figures. */
export async function measure(urls: readonly string[], load: Load): Promise<LoadResult> {
  const share = Math.max(1, Math.round(load.connections / urls.length));
  const runs = await Promise.all(urls.map((url) => run(url, load, share)));
  const results = runs.map((r) => r.result);
  const ok = results.reduce((sum, r) => sum + r['2xx'], 0);
  const failed = results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
  const seconds = Math.max(...results.map((r) => r.duration));
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  return {
    perSecond: ok / seconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    answered: ok,
    failed,
  };
}

export const formatLoad = (r: LoadResult): string =>
  `${Math.round(r.perSecond).toString().padStart(7)}/s  p50 ${r.p50.toFixed(1).padStart(5)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  (${r.answered} answered, ${r.failed} failed)`;
