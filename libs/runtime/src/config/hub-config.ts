import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { OpenIdSettings } from '@hub/access';
import { KafkaConfigError, KafkaSettings, kafkaSettingsFromEnv } from '@hub/messaging';
import { generatedOnce } from './generated-secret';
import { openIdSettings } from './openid-config';

/** The hub's configuration, read from the environment once at boot and validated. */
export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore:
    | { kind: 'sqlite'; file: string; synchronous: 'FULL' | 'NORMAL' }
    | { kind: 'esdb'; connectionString: string };
  readStore: { kind: 'sqlite'; file: string } | { kind: 'mongodb'; url: string; database: string };
  jwt: { secret: string; generated: boolean; openId?: OpenIdSettings };
  /** Wraps the per-subject keys of personal data (crypto-shredding); 32 bytes. */
  masterKey: { key: Buffer; generated: boolean };
  logLevel: string;
  /** Requests per second one client may send before 429 (ThrottlerModule). */
  throttlePerSecond: number;
  /** How often the workflows role's clock looks for due times (SCHEDULE_TICK_MS, ms). */
  scheduleTickMs: number;
  /** Heartbeat interval of server-sent event streams (SSE_HEARTBEAT_MS, ms). */
  sseHeartbeatMs: number;
  /** /health/ready answers 503 while a projection is more events than this behind the head. */
  readyMaxLagEvents: number;
  /** Lease time of each projection and workflow (LEASE_MS): a standby takes over this long after its holder dies. */
  leaseMs: number;
  /**
   * A projection snapshots its documents every this many of its events (SNAPSHOT_EVERY_EVENTS;
   * 0: never). Unset, the runner's default for the read store (ProjectionRunnerOptions).
   */
  snapshotEvery?: number;
  /** Runs the projector and ingest in this process too (`npm start`). */
  roles: HubRoles;
  /**
   * Kafka (the `KAFKA_*` variables of the env given to loadConfig), null when KAFKA_BROKERS is
   * unset. Read here with the rest, so a process (or a test hub) sees only its own env's.
   */
  kafka: KafkaSettings | null;
}

/** What a process runs (api.md "Processes"). */
export interface HubRoles {
  api: boolean;
  projector: boolean;
  ingest: boolean;
  workflows: boolean;
}

export const ALL_ROLES = ['api', 'projector', 'ingest', 'workflows'] as const;

/** Injection token for `HubConfig`. */
export const HUB_CONFIG = Symbol('HubConfig');

/** A bad or missing environment variable; the message names it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name]?.trim() || fallback;
  if (!allowed.includes(value as T)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(name, `must be a port number 0-65535 (got "${raw}")`);
  }
  return value;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  return integer(env, name, 1, 'a positive integer') ?? fallback;
}

/** A whole number (0 allowed), or undefined when the variable is unset. */
function wholeNumber(env: Env, name: string): number | undefined {
  return integer(env, name, 0, 'a whole number, 0 or more');
}

function integer(env: Env, name: string, min: number, what: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(name, `must be ${what} (got "${raw}")`);
  return value;
}

function required(env: Env, name: string, when: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `is required when ${when}`);
  return value;
}

/**
 * The JWT secret: `HUB_JWT_SECRET`, or on the embedded default a generated one kept in
 * DATA_DIR so tokens minted with `npm run token` stay valid across restarts.
 */
function jwtSecret(env: Env, dataDir: string): HubConfig['jwt'] {
  const given = env.HUB_JWT_SECRET;
  if (given !== undefined) {
    if (given.length < 32)
      throw new ConfigError('HUB_JWT_SECRET', 'must be at least 32 characters');
    return { secret: given, generated: false };
  }
  const secret = generatedOnce(join(dataDir, 'jwt-secret'), () =>
    randomBytes(48).toString('base64url'),
  );
  return { secret, generated: true };
}

/**
 * The master key of personal data: `HUB_MASTER_KEY` (32 bytes, base64), or on the embedded
 * default one generated into DATA_DIR beside the JWT secret. Losing it loses every person's data.
 */
function masterKey(env: Env, dataDir: string): HubConfig['masterKey'] {
  const given = env.HUB_MASTER_KEY?.trim();
  if (given) {
    const key = Buffer.from(given, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9+/_-]+=*$/.test(given))
      throw new ConfigError('HUB_MASTER_KEY', 'must be 32 bytes in base64');
    return { key, generated: false };
  }
  const stored = generatedOnce(join(dataDir, 'master-key'), () =>
    randomBytes(32).toString('base64'),
  );
  return { key: Buffer.from(stored, 'base64'), generated: true };
}

/** The Kafka settings, a bad variable refused as a `ConfigError` naming it like every other. */
function kafka(env: Env): KafkaSettings | null {
  try {
    return kafkaSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof KafkaConfigError)
      throw new ConfigError(error.variable, error.message.slice(error.variable.length + 2));
    throw error;
  }
}

export function loadConfig(env: Env = process.env): HubConfig {
  const dataDir = resolve(env.DATA_DIR?.trim() || './.data');
  const eventStoreKind = oneOf(env, 'EVENT_STORE', ['sqlite', 'esdb'] as const, 'sqlite');
  const readStoreKind = oneOf(env, 'READ_STORE', ['sqlite', 'mongodb'] as const, 'sqlite');
  const roles = (env.HUB_ROLES?.trim() || ALL_ROLES.join(',')).split(',').map((r) => r.trim());
  for (const role of roles) {
    if (!(ALL_ROLES as readonly string[]).includes(role)) {
      throw new ConfigError('HUB_ROLES', `lists unknown role "${role}" (${ALL_ROLES.join(', ')})`);
    }
  }
  return {
    port: port(env, 'PORT', 3000),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir,
    eventStore:
      eventStoreKind === 'esdb'
        ? {
            kind: 'esdb',
            connectionString: required(env, 'ESDB_CONNECTION_STRING', 'EVENT_STORE=esdb'),
          }
        : {
            kind: 'sqlite',
            file: join(dataDir, 'events.sqlite'),
            synchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
          },
    readStore:
      readStoreKind === 'mongodb'
        ? {
            kind: 'mongodb',
            url: required(env, 'MONGODB_URL', 'READ_STORE=mongodb'),
            database: env.MONGODB_DATABASE?.trim() || 'hub',
          }
        : { kind: 'sqlite', file: join(dataDir, 'read-models.sqlite') },
    jwt: { ...jwtSecret(env, dataDir), openId: openIdSettings(env) },
    masterKey: masterKey(env, dataDir),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    throttlePerSecond: positiveInt(env, 'THROTTLE_PER_SECOND', 2000),
    scheduleTickMs: positiveInt(env, 'SCHEDULE_TICK_MS', 2000),
    sseHeartbeatMs: positiveInt(env, 'SSE_HEARTBEAT_MS', 15000),
    readyMaxLagEvents: positiveInt(env, 'READY_MAX_LAG_EVENTS', 1000),
    leaseMs: positiveInt(env, 'LEASE_MS', 10_000),
    snapshotEvery: wholeNumber(env, 'SNAPSHOT_EVERY_EVENTS'),
    roles: {
      api: roles.includes('api'),
      projector: roles.includes('projector'),
      ingest: roles.includes('ingest'),
      workflows: roles.includes('workflows'),
    },
    kafka: kafka(env),
  };
}
