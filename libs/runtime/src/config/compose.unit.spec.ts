import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ALL_ROLES, loadConfig } from './hub-config';

// No Docker engine runs here: this reads infra/docker-compose.yml as Compose would (merge keys,
// `${VAR:?message}` interpolation) and holds each hub service's environment to the hub's own
// configuration validation, so the file cannot drift from what the processes accept.

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
  ports?: string[];
}

const COMPOSE_FILE = join(__dirname, '..', '..', '..', '..', 'infra', 'docker-compose.yml');
const HUB_IMAGE = 'support-services-hub:local';
const SECRET = 'compose-test-secret-compose-test-secret';

const compose = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const hubServices = Object.entries(compose.services).filter(([, s]) => s.image === HUB_IMAGE);

/** Compose's interpolation of `${NAME}`, `${NAME:-default}` and `${NAME:?message}`. */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_]+)(?::([?-])([^}]*))?\}/g, (_all, name: string, op, arg) => {
    const given = shell[name];
    if (given) return given;
    if (op === '?') throw new Error(`${name}: ${arg}`);
    return op === '-' ? arg : '';
  });
}

function environmentOf(service: ComposeService, shell: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), shell)]),
  );
}

/** The variables the hub reads while validating `env` (configuration and Kafka settings). */
function validate(env: Record<string, string>) {
  const read = new Set<string>();
  const watched = new Proxy(env, {
    get: (target, key) => {
      if (typeof key === 'string') read.add(key);
      return target[key as string];
    },
  });
  const config = loadConfig(watched);
  return { config, kafka: config.kafka, read };
}

describe('infra/docker-compose.yml', () => {
  it('runs two api processes, one projector, one ingest and one workflows', () => {
    const roles = hubServices.map(([name, s]) => [name, s.environment?.HUB_ROLES]);
    expect(roles).toEqual([
      ['api-1', 'api'],
      ['api-2', 'api'],
      ['projector', 'projector'],
      ['ingest', 'ingest'],
      ['workflows', 'workflows'],
    ]);
  });

  it.each(hubServices)(
    '%s: an environment the hub accepts, on EventStoreDB, MongoDB and Kafka',
    (_name, service) => {
      const env = environmentOf(service, { HUB_JWT_SECRET: SECRET });
      const { config, kafka, read } = validate(env);
      expect(config.eventStore).toEqual({
        kind: 'esdb',
        connectionString: 'esdb://kurrentdb:2113?tls=false',
      });
      expect(config.readStore).toMatchObject({ kind: 'mongodb', database: 'hub' });
      expect(config.jwt).toEqual({ secret: SECRET, generated: false });
      expect(config.host).toBe('0.0.0.0');
      const roles = ALL_ROLES.filter((role) => config.roles[role]);
      expect(roles).toEqual([env.HUB_ROLES]);
      expect(kafka?.brokers).toEqual(['kafka:19092']);
      // Every variable set is one the hub reads: a misspelt one would be silently ignored.
      expect(Object.keys(env).filter((name) => !read.has(name))).toEqual([]);
    },
  );

  it.each(hubServices)('%s: refuses to start without HUB_JWT_SECRET', (_name, service) => {
    expect(() => environmentOf(service, {})).toThrow(/HUB_JWT_SECRET/);
  });

  it.each(hubServices)(
    '%s: waits for every engine to be healthy, and publishes ports on loopback only',
    (_name, service) => {
      expect(service.depends_on).toEqual({
        kurrentdb: { condition: 'service_healthy' },
        mongodb: { condition: 'service_healthy' },
        kafka: { condition: 'service_healthy' },
      });
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    },
  );

  it('pins every engine image to a version, and gives each a health check', () => {
    const engines = ['kurrentdb', 'mongodb', 'kafka'].map((name) => compose.services[name]);
    for (const engine of engines) expect(engine.image).toMatch(/:\d+\.\d+\.\d+$/);
    // KurrentDB's image defines its own HEALTHCHECK (on /health/live).
    expect(compose.services.mongodb.healthcheck).toBeDefined();
    expect(compose.services.kafka.healthcheck).toBeDefined();
  });

  it('does not claim transactions or change streams for the MongoDB read store', () => {
    const text = readFileSync(COMPOSE_FILE, 'utf8');
    expect(text).not.toMatch(/may use transactions|replSet/);
  });
});

describe('Dockerfile', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const finalStage = text.slice(text.lastIndexOf('\nFROM '));

  it('builds in one stage and runs, as a user other than root, in another', () => {
    expect(text.match(/^FROM /gm)).toHaveLength(2);
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).not.toMatch(/g\+\+|npm ci/);
  });

  it('checks /health/live and starts the entry point the build makes of apps/hub/main.ts', () => {
    expect(finalStage).toMatch(/^HEALTHCHECK .*\n.*\/health\/live/m);
    expect(finalStage).toContain('"dist/apps/hub/main.js"');
    expect(readFileSync(join(root, 'apps', 'hub', 'main.ts'), 'utf8')).toContain('runProcess');
  });
});
