import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A private RS256 signing key as a JWK, for the provider's key set. */
export function signingKey(kid: string): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

/** A free port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ProviderClient {
  secret: string;
  claims: Record<string, unknown>;
}

/** A public client signing people in through the browser (authorization code with PKCE). */
export interface BrowserClient {
  clientId: string;
  redirectUri: string;
  /** Login → the hub's claims of that person (the access token's extra claims). */
  accounts: Record<string, Record<string, unknown>>;
}

/**
 * A real OpenID provider (`oidc-provider`) in a child process on 127.0.0.1, issuing RS256 JWT
 * access tokens through the client_credentials grant, and to people signing in through a
 * browser (its development login form) when a browser client is given. Restarting it with a new first key on
 * the same port is how its keys rotate.
 */
export class TestOpenIdProvider {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    private readonly clients: Record<string, ProviderClient>,
  ) {}

  static async start(options: {
    port: number;
    keys: Record<string, unknown>[];
    audience: string;
    clients: Record<string, ProviderClient>;
    browser?: BrowserClient;
  }): Promise<TestOpenIdProvider> {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'oidc-provider.mjs'), JSON.stringify(options)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const issuer = await new Promise<string>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const ready = /ready (\S+)/.exec(output);
        if (ready) resolve(ready[1]);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`provider exited ${code}: ${output}`)));
    });
    return new TestOpenIdProvider(child, issuer, options.clients);
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  /** An access token of this client, from the provider's token endpoint. */
  async accessToken(clientId: string, resource: string): Promise<string> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${this.clients[clientId].secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'hub' }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!response.ok || !body.access_token)
      throw new Error(`token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
