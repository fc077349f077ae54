import { HubError, ValidationError } from '@hub/domain';
import { InboundMessage, MessageChannel, parseEnvelope, typesOfChannel } from '@hub/messaging';

/** Most messages one request may carry; a larger backlog belongs on Kafka. */
export const MAX_BATCH = 500;

/** What the request carried: one envelope, or `{ messages: [...] }` (answered as a batch). */
export interface InboundBody {
  batch: boolean;
  messages: InboundMessage[];
}

/**
 * Reads a request body into validated messages of the channel, with the same rules as the Kafka
 * consumer (parseEnvelope; a type of the other channel is unknown here). Every message is
 * checked before any is handled, so an invalid batch appends nothing (400 `validation_failed`
 * with per-field details, prefixed `messages.<index>` in a batch).
 */
export function readInboundBody(body: unknown, channel: MessageChannel): InboundBody {
  const accepted = typesOfChannel(channel);
  if (!isBatch(body)) return { batch: false, messages: [parseOne(body, accepted, '')] };
  const { messages, ...unknownFields } = body;
  const fields: Record<string, string[]> = {};
  for (const name of Object.keys(unknownFields))
    fields[name] = [`property ${name} should not exist`];
  if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_BATCH) {
    fields.messages = [`must be an array of 1 to ${MAX_BATCH} envelopes`];
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('The batch is not valid.', fields);
  return {
    batch: true,
    messages: (messages as unknown[]).map((raw, index) =>
      parseOne(raw, accepted, `messages.${index}`),
    ),
  };
}

// A body is a batch when it names `messages` and is not itself an envelope.
function isBatch(body: unknown): body is { messages: unknown } & Record<string, unknown> {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    'messages' in body &&
    !('messageId' in body)
  );
}

function parseOne(
  raw: unknown,
  accepted: ReturnType<typeof typesOfChannel>,
  prefix: string,
): InboundMessage {
  // An absent body reaches us as undefined; the consumer would call it an empty value.
  const parsed = parseEnvelope(raw ?? null, { acceptedTypes: accepted });
  if (parsed.ok) return parsed.message;
  const details: Record<string, string[]> = {};
  for (const [path, reasons] of Object.entries(parsed.details)) {
    const local = path === '$' ? '' : path;
    const full = [prefix, local].filter(Boolean).join('.') || '$';
    details[full] = reasons;
  }
  const where = prefix ? ` (${prefix})` : '';
  throw new ValidationError(`${parsed.message}${where} [${parsed.reason}]`, details);
}

/**
 * A message of a batch was refused after the ones before it were recorded: the refusal's own
 * status and code, with which message it was and which were recorded (resending the whole batch
 * is safe, every message is idempotent by its id).
 */
export class BatchMessageRefused extends HubError {
  readonly status: number;
  constructor(cause: HubError, index: number, messageId: string, recorded: string[]) {
    super(cause.code, `messages.${index} (${messageId}): ${cause.message}`, {
      ...(cause.details ?? {}),
      index,
      messageId,
      recorded,
    });
    this.status = cause.status;
  }
}
