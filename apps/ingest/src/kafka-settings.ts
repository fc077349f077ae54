import { ConfigError } from '@hub/runtime/config/hub-config';
import { KafkaConfigError, KafkaSettings, kafkaSettingsFromEnv } from '@hub/messaging';

/** Injection token for the hub's `KafkaSettings` (absent when `KAFKA_BROKERS` is unset). */
export const KAFKA_SETTINGS = Symbol('KafkaSettings');

/**
 * The Kafka settings of this process, or null when Kafka is off. A bad variable is a
 * `ConfigError` like every other setting, so boot stops with a message naming it.
 */
export function loadKafkaSettings(env: NodeJS.ProcessEnv = process.env): KafkaSettings | null {
  try {
    return kafkaSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof KafkaConfigError) {
      throw new ConfigError(error.variable, error.message.slice(error.variable.length + 2));
    }
    throw error;
  }
}
