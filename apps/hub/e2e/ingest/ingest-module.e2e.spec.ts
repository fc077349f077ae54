import { ConfigError } from '@hub/runtime/config/hub-config';
import { TestHub } from '../test-hub';
import { IngestModule } from '../../../ingest/src/ingest.module';

describe('IngestModule without Kafka', () => {
  let hub: TestHub;

  beforeAll(async () => {
    delete process.env.KAFKA_BROKERS;
    hub = await TestHub.start();
  });

  afterAll(() => hub.stop());

  it('says on /health that ingestion is disabled and why, without failing readiness', async () => {
    const health = await hub.call('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.details.kafka).toEqual({
      status: 'up',
      state: 'disabled: KAFKA_BROKERS not set',
    });
  });

  it('refuses a bad Kafka variable at boot with a ConfigError naming it', () => {
    const boot = (env: NodeJS.ProcessEnv) => () => IngestModule.forRoot(hub.config, env);
    expect(boot({ KAFKA_BROKERS: 'localhost' })).toThrow(ConfigError);
    expect(boot({ KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS/);
    expect(boot({ KAFKA_BROKERS: 'h:1', KAFKA_CONCURRENCY: '0' })).toThrow(/KAFKA_CONCURRENCY/);
  });
});
