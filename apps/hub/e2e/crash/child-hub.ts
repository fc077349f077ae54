import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { mintToken, TokenClaims } from '@hub/access';
import { eventually } from '@hub/testing/eventually';
import { exited, runTypeScript } from '@hub/testing/run-typescript';

const MAIN = join(__dirname, '..', '..', 'main.ts');
const SECRET = 'child-hub-secret-child-hub-secret-0123';

/** A free loopback port, found by binding port 0 and letting it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

export interface ChildAnswer {
  status: number;
  body: Record<string, any>;
  headers: Headers;
}

/**
 * The whole hub as its own `node` process (apps/hub/main.ts through the TypeScript hook) on the
 * embedded stores of `dataDir` and a loopback port, so a spec can SIGKILL it as a crash would
 * and start it again on what it left.
 */
export class ChildHub {
  private child: ChildProcess | null = null;
  /** The last of the child's output, to say why it did not come up. */
  private output = '';

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  token(claims: TokenClaims): string {
    return mintToken(claims, SECRET, 3600);
  }

  /** Starts the process and waits (bounded) until it answers HTTP. */
  async start(): Promise<void> {
    const child = runTypeScript(MAIN, [], {
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      HUB_JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      THROTTLE_PER_SECOND: '100000',
      EVENT_STORE: 'sqlite',
      READ_STORE: 'sqlite',
      KAFKA_BROKERS: '',
    });
    // Drained, or a full pipe would stall the child.
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the hub exited: ${this.output}`);
        return (await this.call('GET', '/health').catch(() => null)) !== null;
      },
      90_000,
      'the child hub answering /health',
    );
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    child.kill('SIGKILL');
    await exited(child);
  }

  async call(
    method: 'GET' | 'POST',
    path: string,
    options: { token?: string; key?: string; body?: unknown } = {},
  ): Promise<ChildAnswer> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.key) headers['idempotency-key'] = options.key;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : {},
      headers: response.headers,
    };
  }
}
