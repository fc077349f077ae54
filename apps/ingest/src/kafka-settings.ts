/**
 * Injection token for the hub's `KafkaSettings` (`HubConfig.kafka`: null when `KAFKA_BROKERS`
 * is unset).
 */
export const KAFKA_SETTINGS = Symbol('KafkaSettings');
