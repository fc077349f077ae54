import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { kafkaBrokers } from '..';
import { createKafka, silentLogSink } from '@hub/messaging';

// Helpers for ingest's real-broker tests: fresh topics and group per test, real envelopes.

/** A name no other run uses, so topics and groups never collide. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** The KAFKA_* variables of a fresh set of topics and a fresh group on the local broker. */
export function freshKafkaEnv(label: string, concurrency = 3): Record<string, string> {
  const id = unique(label);
  return {
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_CLIENT_ID: `it-${id}`,
    KAFKA_GROUP_ID: `it-${id}`,
    KAFKA_DELIVERY_TOPIC: `it.${id}.delivery`,
    KAFKA_DIRECTORY_TOPIC: `it.${id}.directory`,
    KAFKA_NOTIFICATIONS_TOPIC: `it.${id}.notifications`,
    KAFKA_CONCURRENCY: String(concurrency),
  };
}

export function brokerKafka(clientId = 'ingest-it'): Kafka {
  return createKafka({ brokers: kafkaBrokers(), clientId, ssl: false }, silentLogSink);
}

/** A delivery message as a producer writes it. */
export function deliveryEnvelope(messageId: string, type: string, payload: object): string {
  return JSON.stringify({
    messageId,
    type,
    schemaVersion: 1,
    occurredAt: '2026-03-02T10:00:00Z',
    source: 'delivery-service',
    payload,
  });
}

/** A ConsumptionDelivered of one hour on the contract's consumable line. */
export function consumptionDelivered(
  messageId: string,
  contractId: string,
  consumptionId: string,
  entitlementId = 'dse-hours',
): string {
  return deliveryEnvelope(messageId, 'ConsumptionDelivered', {
    consumptionId,
    contractId,
    entitlementId,
    quantity: 1,
    deliveredOn: '2026-03-02',
    reference: { kind: 'engagement', id: `eng-${consumptionId}` },
  });
}

export { eventually } from '../eventually';
