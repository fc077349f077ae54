/** SASL mechanisms kafkajs supports out of the box with a username and password. */
export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** Everything the ingest consumer and the notification publisher need to reach Kafka. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  groupId: string;
  topics: {
    /** Consumption and case responses. */
    delivery: string;
    /** Organisations, users, e-mail status. */
    directory: string;
    /** Outbound notifications for the mail service. */
    notifications: string;
  };
  /** How many partitions are handled at the same time (order is kept within each). */
  partitionsConsumedConcurrently: number;
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
  ssl: boolean;
}

export const KAFKA_DEFAULTS = {
  clientId: 'support-hub',
  groupId: 'support-hub-ingest',
  deliveryTopic: 'hub.delivery-events.v1',
  directoryTopic: 'hub.directory-events.v1',
  notificationsTopic: 'hub.notifications.v1',
  concurrency: 1,
} as const;

/** A bad Kafka setting; the message names the variable so an operator can fix it. */
export class KafkaConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'KafkaConfigError';
  }
}

// Kafka's legal topic name: 1-249 of [a-zA-Z0-9._-].
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
const BROKER = /^[^\s:,]+:\d{1,5}$/;

/**
 * Reads the Kafka settings from the environment. `null` when `KAFKA_BROKERS` is unset or empty:
 * ingestion is then off and only the HTTP routes take inbound messages.
 */
export function kafkaSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSettings | null {
  const brokersText = env.KAFKA_BROKERS?.trim();
  if (!brokersText) return null;
  const brokers = brokersText.split(',').map((b) => b.trim());
  for (const broker of brokers) {
    if (!BROKER.test(broker)) {
      throw new KafkaConfigError(
        'KAFKA_BROKERS',
        `"${broker}" is not host:port (expected a comma-separated list)`,
      );
    }
  }
  return {
    brokers,
    clientId: text(env, 'KAFKA_CLIENT_ID', KAFKA_DEFAULTS.clientId),
    groupId: text(env, 'KAFKA_GROUP_ID', KAFKA_DEFAULTS.groupId),
    topics: {
      delivery: topic(env, 'KAFKA_DELIVERY_TOPIC', KAFKA_DEFAULTS.deliveryTopic),
      directory: topic(env, 'KAFKA_DIRECTORY_TOPIC', KAFKA_DEFAULTS.directoryTopic),
      notifications: topic(env, 'KAFKA_NOTIFICATIONS_TOPIC', KAFKA_DEFAULTS.notificationsTopic),
    },
    partitionsConsumedConcurrently: concurrency(env),
    sasl: sasl(env),
    ssl: ssl(env),
  };
}

function text(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  if (/\s/.test(value)) throw new KafkaConfigError(name, 'must not contain spaces');
  return value;
}

function topic(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  if (!TOPIC_NAME.test(value)) {
    throw new KafkaConfigError(
      name,
      `"${value}" is not a legal topic name (1-249 of a-z A-Z 0-9 . _ -)`,
    );
  }
  return value;
}

function concurrency(env: NodeJS.ProcessEnv): number {
  const raw = env.KAFKA_CONCURRENCY?.trim();
  if (!raw) return KAFKA_DEFAULTS.concurrency;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) {
    throw new KafkaConfigError('KAFKA_CONCURRENCY', `"${raw}" must be a whole number from 1 to 64`);
  }
  return value;
}

function sasl(env: NodeJS.ProcessEnv): KafkaSettings['sasl'] {
  const mechanism = env.KAFKA_SASL_MECHANISM?.trim().toLowerCase();
  if (!mechanism) {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']) {
      if (env[name]) throw new KafkaConfigError(name, 'is set but KAFKA_SASL_MECHANISM is not');
    }
    return undefined;
  }
  if (!(SASL_MECHANISMS as readonly string[]).includes(mechanism)) {
    throw new KafkaConfigError(
      'KAFKA_SASL_MECHANISM',
      `"${mechanism}" must be one of ${SASL_MECHANISMS.join(', ')}`,
    );
  }
  const username = env.KAFKA_SASL_USERNAME;
  const password = env.KAFKA_SASL_PASSWORD;
  if (!username)
    throw new KafkaConfigError('KAFKA_SASL_USERNAME', `is required with KAFKA_SASL_MECHANISM`);
  if (!password)
    throw new KafkaConfigError('KAFKA_SASL_PASSWORD', `is required with KAFKA_SASL_MECHANISM`);
  return { mechanism: mechanism as SaslMechanism, username, password };
}

function ssl(env: NodeJS.ProcessEnv): boolean {
  const raw = env.KAFKA_SSL?.trim().toLowerCase();
  if (!raw || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new KafkaConfigError('KAFKA_SSL', `"${env.KAFKA_SSL}" must be true or false`);
}
