import { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Why a message was set aside, as written into the DLQ headers. */
export interface DeadLetterCause {
  /** `invalid_message` (it could not be read) or `refused` (the hub said no). */
  kind: 'invalid_message' | 'refused';
  /** A parse reason (`malformed_json`, `unknown_type`…) or the refusal's domain code. */
  reason: string;
  message: string;
  details?: Record<string, unknown>;
  messageId?: string;
}

// Kafka headers are bytes; keep them small so a huge validation report cannot make the DLQ
// record itself too large to produce.
const MAX_HEADER_CHARS = 4000;

/** The DLQ record: the original key and value untouched, with headers saying where and why. */
export function deadLetterRecord(
  origin: { topic: string; partition: number; message: KafkaMessage },
  cause: DeadLetterCause,
  now: Date = new Date(),
): Message {
  const headers: IHeaders = { ...(origin.message.headers ?? {}) };
  headers['x-dlq-kind'] = cause.kind;
  headers['x-dlq-reason'] = cause.reason;
  headers['x-dlq-message'] = clip(cause.message);
  if (cause.details) headers['x-dlq-details'] = clip(JSON.stringify(cause.details));
  headers['x-dlq-at'] = now.toISOString();
  headers['x-original-topic'] = origin.topic;
  headers['x-original-partition'] = String(origin.partition);
  headers['x-original-offset'] = origin.message.offset;
  const messageId = cause.messageId ?? sniffMessageId(origin.message.value);
  if (messageId) headers['x-original-message-id'] = clip(messageId);
  return {
    key: origin.message.key,
    value: origin.message.value,
    headers,
    timestamp: origin.message.timestamp,
  };
}

/** Best effort: the `messageId` of a message too broken to parse fully, for the operator's search. */
export function sniffMessageId(value: Buffer | null): string | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value.toString('utf8')) as { messageId?: unknown } | null;
    return typeof parsed?.messageId === 'string' ? parsed.messageId : undefined;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > MAX_HEADER_CHARS ? `${text.slice(0, MAX_HEADER_CHARS)}…` : text;
}
