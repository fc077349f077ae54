import { plainToInstance } from 'class-transformer';
import { ValidationError as FieldError, validateSync } from 'class-validator';
import { MessageEnvelopeDto } from './envelope.dto';
import {
  INBOUND_MESSAGE_TYPES,
  InboundMessage,
  InboundMessageType,
  PAYLOAD_CLASSES,
  SUPPORTED_SCHEMA_VERSIONS,
} from './message-types';

/** Why a raw message could not become an `InboundMessage`; also the DLQ reason code. */
export type ParseFailureReason =
  'malformed_json' | 'invalid_envelope' | 'unknown_type' | 'invalid_payload';

/** A refused message: the reason code and, per field path, what was wrong. */
export interface ParseFailure {
  ok: false;
  reason: ParseFailureReason;
  message: string;
  details: Record<string, string[]>;
}

export type ParseResult = { ok: true; message: InboundMessage } | ParseFailure;

export interface ParseOptions {
  /** Types accepted here (e.g. those of the topic read); others fail as `unknown_type`. */
  acceptedTypes?: readonly InboundMessageType[];
}

// The same semantics as the HTTP ValidationPipe (architecture.md "Stack"): unknown fields are errors.
const VALIDATION = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * Turns a raw message (bytes, JSON text or an already-parsed object) into a typed inbound message,
 * or says precisely why not. Never throws.
 */
export function parseEnvelope(raw: unknown, options: ParseOptions = {}): ParseResult {
  const json = decode(raw);
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure('invalid_envelope', 'The message must be a JSON object.', {
      $: ['must be an object'],
    });
  }

  const envelope = shallowInstance(MessageEnvelopeDto, value);
  // `type` is checked against the known list below, so it can be told apart from a bad envelope.
  const envelopeErrors = flatten(validateSync(envelope, VALIDATION));
  if (Object.keys(envelopeErrors).length > 0) {
    return failure('invalid_envelope', 'The envelope is invalid.', envelopeErrors);
  }

  const type = envelope.type;
  const accepted = options.acceptedTypes ?? INBOUND_MESSAGE_TYPES;
  if (!isKnownType(type) || !accepted.includes(type)) {
    return failure('unknown_type', `Unknown message type "${String(type)}" here.`, {
      type: [`must be one of ${accepted.join(', ')}`],
    });
  }
  if (!SUPPORTED_SCHEMA_VERSIONS[type].includes(envelope.schemaVersion)) {
    return failure(
      'invalid_envelope',
      `schemaVersion ${envelope.schemaVersion} of ${type} is not supported.`,
      {
        schemaVersion: [`must be one of ${SUPPORTED_SCHEMA_VERSIONS[type].join(', ')}`],
      },
    );
  }

  const payload = plainToInstance(PAYLOAD_CLASSES[type] as new () => object, envelope.payload);
  const payloadErrors = flatten(validateSync(payload, VALIDATION), 'payload');
  if (Object.keys(payloadErrors).length > 0) {
    return failure('invalid_payload', `The ${type} payload is invalid.`, payloadErrors);
  }

  const message = {
    messageId: envelope.messageId,
    type,
    schemaVersion: envelope.schemaVersion,
    occurredAt: envelope.occurredAt,
    source: envelope.source,
    payload,
  } as InboundMessage;
  return { ok: true, message };
}

function decode(raw: unknown): { ok: true; value: unknown } | ParseFailure {
  if (raw === null || raw === undefined) {
    return failure('malformed_json', 'The message has no value.', { $: ['is empty'] });
  }
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : null;
  if (text === null) return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return failure('malformed_json', 'The message is not valid JSON.', {
      $: [(error as Error).message],
    });
  }
}

/**
 * The envelope as a DTO instance for class-validator, its fields copied as they are: the envelope
 * has no nested DTOs, and `plainToInstance` would deep-copy the payload only for the payload's own
 * class to copy it again. Defined, not assigned, so a `__proto__` key stays a field (and fails as
 * an unknown one) instead of replacing the prototype.
 */
function shallowInstance<T extends object>(type: new () => T, value: object): T {
  const instance = Object.create(type.prototype) as T;
  for (const [key, field] of Object.entries(value)) {
    Object.defineProperty(instance, key, {
      value: field,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return instance;
}

function isKnownType(type: unknown): type is InboundMessageType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(PAYLOAD_CLASSES, type);
}

function failure(
  reason: ParseFailureReason,
  message: string,
  details: Record<string, string[]>,
): ParseFailure {
  return { ok: false, reason, message, details };
}

/** class-validator's error tree as `{ 'payload.reference.kind': [reasons] }`. */
export function flatten(errors: FieldError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (list: FieldError[], path: string) => {
    for (const error of list) {
      const here = path ? `${path}.${error.property}` : error.property;
      if (error.constraints) out[here] = Object.values(error.constraints);
      if (error.children?.length) walk(error.children, here);
    }
  };
  walk(errors, prefix);
  return out;
}
