import {
  CaseFirstRespondedPayload,
  ConsumptionDeliveredPayload,
  ConsumptionReversedPayload,
} from './delivery.dto';
import {
  EmailStatusReportedPayload,
  EmailSuppressedPayload,
  OrganizationUpsertedPayload,
  UserUpsertedPayload,
} from './directory.dto';
import { ServiceIncidentReportedPayload } from './service-health.dto';

/** Payload class of every inbound message type (api.md "Inbound messages"). */
export const PAYLOAD_CLASSES = {
  ConsumptionDelivered: ConsumptionDeliveredPayload,
  ConsumptionReversed: ConsumptionReversedPayload,
  CaseFirstResponded: CaseFirstRespondedPayload,
  OrganizationUpserted: OrganizationUpsertedPayload,
  UserUpserted: UserUpsertedPayload,
  EmailStatusReported: EmailStatusReportedPayload,
  EmailSuppressed: EmailSuppressedPayload,
  ServiceIncidentReported: ServiceIncidentReportedPayload,
} as const;

export type InboundMessageType = keyof typeof PAYLOAD_CLASSES;
export const INBOUND_MESSAGE_TYPES = Object.keys(PAYLOAD_CLASSES) as InboundMessageType[];

/** The schema versions of each type this hub understands; a producer bumps it for a breaking change. */
export const SUPPORTED_SCHEMA_VERSIONS: Record<InboundMessageType, readonly number[]> = {
  ConsumptionDelivered: [1],
  ConsumptionReversed: [1],
  CaseFirstResponded: [1],
  OrganizationUpserted: [1],
  UserUpserted: [1],
  EmailStatusReported: [1],
  EmailSuppressed: [1],
  ServiceIncidentReported: [1],
};

/** Which stream of facts a type travels on: deliveries (and case responses), or the directory. */
export type MessageChannel = 'delivery' | 'directory';

export const CHANNEL_OF: Record<InboundMessageType, MessageChannel> = {
  ConsumptionDelivered: 'delivery',
  ConsumptionReversed: 'delivery',
  CaseFirstResponded: 'delivery',
  OrganizationUpserted: 'directory',
  UserUpserted: 'directory',
  EmailStatusReported: 'directory',
  EmailSuppressed: 'directory',
  ServiceIncidentReported: 'directory',
};

/** The types that may arrive on a channel's topic. */
export function typesOfChannel(channel: MessageChannel): InboundMessageType[] {
  return INBOUND_MESSAGE_TYPES.filter((type) => CHANNEL_OF[type] === channel);
}

/** The envelope fields every message carries, whatever its type. */
export interface EnvelopeHeader {
  /** The idempotency key: the same id twice changes nothing. */
  messageId: string;
  schemaVersion: number;
  /** When it happened in the world (ISO instant). */
  occurredAt: string;
  /** The producing system, e.g. `delivery-service`. */
  source: string;
}

/** One validated inbound message; a `switch` on `type` narrows `payload`. */
export type InboundMessage = {
  [T in InboundMessageType]: EnvelopeHeader & {
    type: T;
    payload: InstanceType<(typeof PAYLOAD_CLASSES)[T]>;
  };
}[InboundMessageType];

/** The inbound message of one type. */
export type InboundMessageOf<T extends InboundMessageType> = Extract<InboundMessage, { type: T }>;
