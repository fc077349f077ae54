import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenClaims, mintToken } from '@hub/access';
import { EVENT_STORE, EventStore, RecordedEvent } from '@hub/event-store';
import { createRoleApp } from '../hub-app';
import { HubConfig, loadConfig } from '@hub/runtime/config/hub-config';
import { RuntimeOptions } from '@hub/runtime/runtime.module';
import { HubModule } from '../hub.module';
import { RequestClock } from '@hub/projection/query/request-clock';
import { parsedBody, requestHeaders } from './hub-client';
import { WorkflowRunner } from '@hub/application/workflows/workflow-runner';
import { eventually } from '@hub/testing/eventually';

export interface HubResponse<T = Record<string, any>> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** What a spec calls a hub through: a TestHub in this process, or a hub process over HTTP. */
export interface HubClient {
  token(claims: TokenClaims, expiresInSeconds?: number): string;
  call<T = Record<string, any>>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options?: CallOptions,
  ): Promise<HubResponse<T>>;
}

/**
 * The real hub (every module, embedded SQLite stores in a temp dir) for e2e specs: requests
 * go through Fastify's full request pipeline via `inject`, and the event store can be read
 * to prove what was (or was not) appended.
 */
export class TestHub implements HubClient {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: HubConfig,
    private readonly dataDir: string,
    /** Whether stop() removes the data dir (not when the caller handed in its own DATA_DIR). */
    private readonly ownsDataDir: boolean,
  ) {}

  /**
   * Starts the hub on a fresh temp dir, or on `env.DATA_DIR` when given (e.g. a store prepared
   * as a crashed process left it); a given dir is the caller's to remove. `clock`: a fake the
   * spec moves (default the system's).
   */
  static async start(
    env: Record<string, string> = {},
    runtime: RuntimeOptions = {},
  ): Promise<TestHub> {
    const ownsDataDir = env.DATA_DIR === undefined;
    const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'hub-e2e-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      HUB_JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123',
      ...env,
    });
    const app = await createRoleApp(HubModule.forRoot(config, runtime), config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestHub(app, config, dataDir, ownsDataDir);
  }

  get events(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  token(claims: TokenClaims, expiresInSeconds = 600): string {
    return mintToken(claims, this.config.jwt.secret, expiresInSeconds);
  }

  async call<T = Record<string, any>>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options: CallOptions = {},
  ): Promise<HubResponse<T>> {
    const response = await this.app.inject({
      method,
      url,
      headers: requestHeaders(options),
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    const body = parsedBody(response.body) as T;
    return { status: response.statusCode, body, headers: response.headers };
  }

  /**
   * Sets the instant commands are decided at (`null`: the system time again), so time rules
   * are tested at the moment a test names, never by waiting.
   */
  setNow(instant: string | null): void {
    const clock = (this.app.getHttpAdapter().getInstance() as unknown as { hubClock: RequestClock })
      .hubClock;
    clock.now = instant === null ? () => new Date() : () => new Date(instant);
  }

  /** Every event in the log (to prove a refused call appended nothing). */
  async allEvents(): Promise<RecordedEvent[]> {
    return this.events.readAll();
  }

  /** How many events the log holds once the workflows' reactions so far are in it. */
  async settledEventCount(): Promise<number> {
    await this.reactionsSettled();
    return (await this.allEvents()).length;
  }

  /**
   * Waits until the workflows have completed every event logged so far: their reactions (an
   * index entry, a notice) append after the command that caused them has answered.
   */
  async reactionsSettled(): Promise<void> {
    const runner = this.app.get(WorkflowRunner, { strict: false });
    if (!runner.runsHere) return;
    await eventually('the workflows to complete what is logged', () => runner.caughtUp());
  }

  async stop(): Promise<void> {
    await this.app.close();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
