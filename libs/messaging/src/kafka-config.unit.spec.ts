import { KafkaConfigError, kafkaSettingsFromEnv } from './kafka-config';

const errorFor = (env: NodeJS.ProcessEnv) => {
  try {
    kafkaSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof KafkaConfigError) return error;
    throw error;
  }
  throw new Error('expected a KafkaConfigError');
};

describe('kafkaSettingsFromEnv', () => {
  it('is null (ingest off) without KAFKA_BROKERS', () => {
    expect(kafkaSettingsFromEnv({})).toBeNull();
    expect(kafkaSettingsFromEnv({ KAFKA_BROKERS: '  ' })).toBeNull();
  });

  it('reads defaults and overrides', () => {
    expect(kafkaSettingsFromEnv({ KAFKA_BROKERS: 'a:9092, b:9093' })).toEqual({
      brokers: ['a:9092', 'b:9093'],
      clientId: 'support-hub',
      groupId: 'support-hub-ingest',
      topics: {
        delivery: 'hub.delivery-events.v1',
        directory: 'hub.directory-events.v1',
        notifications: 'hub.notifications.v1',
      },
      partitionsConsumedConcurrently: 1,
      sasl: undefined,
      ssl: false,
    });
    const custom = kafkaSettingsFromEnv({
      KAFKA_BROKERS: 'k:1',
      KAFKA_GROUP_ID: 'g',
      KAFKA_DELIVERY_TOPIC: 'd.v2',
      KAFKA_CONCURRENCY: '4',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'u',
      KAFKA_SASL_PASSWORD: 'p',
      KAFKA_SSL: 'true',
    });
    expect(custom).toMatchObject({
      groupId: 'g',
      topics: { delivery: 'd.v2' },
      partitionsConsumedConcurrently: 4,
      sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
      ssl: true,
    });
  });

  it.each([
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_CONCURRENCY: 'lots' }, 'KAFKA_CONCURRENCY'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_CONCURRENCY: '0' }, 'KAFKA_CONCURRENCY'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_DIRECTORY_TOPIC: 'bad topic!' }, 'KAFKA_DIRECTORY_TOPIC'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_SASL_MECHANISM: 'gssapi' }, 'KAFKA_SASL_MECHANISM'],
    [
      { KAFKA_BROKERS: 'k:1', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' },
      'KAFKA_SASL_PASSWORD',
    ],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_SASL_USERNAME: 'u' }, 'KAFKA_SASL_USERNAME'],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_SSL: 'yes' }, 'KAFKA_SSL'],
  ])('names the bad variable: %j', (env, variable) => {
    const error = errorFor(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}:`)).toBe(true);
  });
});
