import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TokenClaims, mintToken } from '@hub/access';
import { eventually } from '@hub/testing/eventually';
import { exited, runTypeScript } from '@hub/testing/run-typescript';
import { CallOptions, HubClient, HubResponse } from '../test-hub';
import { parsedBody, requestHeaders } from '../hub-client';

const MAIN = join(__dirname, '..', '..', 'main.ts');
export const SECRET = 'e2e-processes-secret-0123456789abcdef';
/** How many output lines a process keeps (the newest), to search and to show on failure. */
const KEPT_LINES = 2000;

/** A free loopback port (the OS picks it; the child binds it right after). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * One hub process (apps/hub/main.ts with the roles HUB_ROLES names), started as `npm start`
 * would start it, called over loopback HTTP; its output is kept to search and to show.
 */
export class HubProcess implements HubClient {
  readonly lines: string[] = [];

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(name: string, env: Record<string, string>): Promise<HubProcess> {
    const port = await freePort();
    const child = runTypeScript(MAIN, [], {
      HUB_JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    const hub = new HubProcess(name, child, `http://127.0.0.1:${port}`);
    try {
      await eventually(
        () => {
          if (child.exitCode !== null || child.signalCode !== null)
            throw new Error(`${name} exited: ${hub.output()}`);
          return hub.lines.some((line) => line.includes(' listening on http'));
        },
        120_000,
        `${name} to listen`,
      );
    } catch (error) {
      await hub.kill();
      throw error;
    }
    return hub;
  }

  /**
   * Starts every process of `wanted` at once; if one fails, stops those that started (after
   * all have settled, so none is left starting) and throws the first failure.
   */
  static async startAll(
    wanted: readonly { name: string; env: Record<string, string> }[],
  ): Promise<HubProcess[]> {
    const settled = await Promise.allSettled(wanted.map((w) => HubProcess.start(w.name, w.env)));
    const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (!failed) return started;
    await Promise.all(started.map((hub) => hub.stop()));
    throw failed.reason;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Whether a lease holder's name (`host:pid:random`) is this process. */
  holds(holder: string | undefined): boolean {
    return holder !== undefined && holder.split(':')[1] === String(this.pid);
  }

  token(claims: TokenClaims, expiresInSeconds = 600): string {
    return mintToken(claims, SECRET, expiresInSeconds);
  }

  async call<T = Record<string, any>>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options: CallOptions = {},
  ): Promise<HubResponse<T>> {
    const headers = requestHeaders(options);
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.url + url, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    return {
      status: response.status,
      body: parsedBody(await response.text()) as T,
      headers: Object.fromEntries(response.headers.entries()),
    };
  }

  /** Whether the process logged a line containing `text`. */
  logged(text: string): boolean {
    return this.lines.some((line) => line.includes(text));
  }

  output(): string {
    return this.lines.slice(-40).join('\n');
  }

  /** Dies at once, as a crash would: no shutdown hook runs, its leases are not released. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await exited(this.child);
  }

  /** Stops cleanly (SIGTERM: shutdown hooks release its leases); killed if it hangs. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited(this.child);
    clearTimeout(timer);
  }
}
