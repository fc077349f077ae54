import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage, Partitioners } from 'kafkajs';
import { createKafka } from '@hub/messaging/kafka/kafka-client';
import { KafkaLogSink } from '@hub/messaging/kafka/kafka-log';
import { eventually } from '../eventually';

// Helpers for the real-broker tests of the consumer (never a faked broker).

/** The local broker started by infra/local/kafka.sh, unless KAFKA_BROKERS says otherwise. */
export function testBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',').map((b) => b.trim());
}

/** Collects kafkajs and consumer warnings so a failing test can print them, without noise otherwise. */
export class CollectingLogSink implements KafkaLogSink {
  readonly lines: string[] = [];
  warn(fields: Record<string, unknown>, message: string): void {
    this.lines.push(`WARN ${message} ${JSON.stringify(fields)}`);
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.lines.push(`ERROR ${message} ${JSON.stringify(fields)}`);
  }
}

export function testKafka(log: KafkaLogSink, clientId = 'hub-test'): Kafka {
  return createKafka({ brokers: testBrokers(), clientId, ssl: false }, log);
}

/** A name no other test run uses, so topics and groups never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** An inbound envelope as a producer would write it. */
export function envelope(messageId: string, payload: object, type = 'CaseFirstResponded'): string {
  return JSON.stringify({
    messageId,
    type,
    schemaVersion: 1,
    occurredAt: '2025-03-31T09:00:00Z',
    source: 'test-producer',
    payload,
  });
}

/** A valid CaseFirstResponded envelope; the payload's caseId doubles as a test label. */
export function caseResponded(messageId: string, caseId = messageId): string {
  return envelope(messageId, { caseId, respondedAt: '2025-03-31T10:00:00Z' });
}

export interface TestRecord {
  value: string;
  key?: string;
  partition?: number;
}

/** Produces records in order (acks from all replicas) and disconnects. */
export async function produce(
  kafka: Kafka,
  topic: string,
  records: readonly TestRecord[],
): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: records.map((r) => ({ ...r })) });
  } finally {
    await producer.disconnect();
  }
}

/** Reads `count` messages of a topic from the beginning with a throwaway group. */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 20_000,
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('reader') });
  const seen: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await eventually(`${count} messages on ${topic}`, () => seen.length >= count, timeoutMs);
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

/** Header values as strings (kafkajs hands them back as Buffers). */
export function headerText(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined)
      out[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return out;
}
