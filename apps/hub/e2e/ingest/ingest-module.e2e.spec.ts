import { ConfigError, loadConfig } from '@hub/runtime/config/hub-config';
import { TestHub } from '../test-hub';

describe('IngestModule without Kafka', () => {
  let hub: TestHub;
  const exported = process.env.KAFKA_BROKERS;

  beforeAll(async () => {
    // A developer's shell may export KAFKA_BROKERS: the test hub must not take it from there.
    process.env.KAFKA_BROKERS = '127.0.0.1:1';
    hub = await TestHub.start();
  });

  afterAll(async () => {
    if (exported === undefined) delete process.env.KAFKA_BROKERS;
    else process.env.KAFKA_BROKERS = exported;
    await hub.stop();
  });

  it('says on /health that ingestion is disabled and why, without failing readiness', async () => {
    const health = await hub.call('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.details.kafka).toEqual({
      status: 'up',
      state: 'disabled: KAFKA_BROKERS not set',
    });
  });

  it('takes Kafka settings from the env given to the test hub only, never from process.env', () => {
    expect(hub.config.kafka).toBeNull();
  });

  it('refuses a bad Kafka variable at boot with a ConfigError naming it', () => {
    const base = { DATA_DIR: hub.config.dataDir, HUB_JWT_SECRET: hub.config.jwt.secret };
    const boot = (env: Record<string, string>) => () => loadConfig({ ...base, ...env });
    expect(boot({ KAFKA_BROKERS: 'localhost' })).toThrow(ConfigError);
    expect(boot({ KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS/);
    expect(boot({ KAFKA_BROKERS: 'h:1', KAFKA_CONCURRENCY: '0' })).toThrow(/KAFKA_CONCURRENCY/);
  });
});
