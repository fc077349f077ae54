import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, IsObject, Max, Min } from 'class-validator';
import { INBOUND_MESSAGE_TYPES, InboundMessageType } from './message-types';
import { IdField, InstantField, TextField } from './validators';

/**
 * The envelope of every inbound message (api.md "Inbound messages"). The payload is checked
 * separately, by the class its `type` names, so an unknown type is told apart from a bad payload.
 */
export class MessageEnvelopeDto {
  @IdField({ description: 'Idempotency key: the same id twice changes nothing.' })
  messageId!: string;

  @TextField(100, { enum: INBOUND_MESSAGE_TYPES })
  type!: InboundMessageType;

  @ApiProperty({ type: Number, minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  schemaVersion!: number;

  @InstantField({ description: 'When it happened in the world.' })
  occurredAt!: string;

  @TextField(200, { example: 'delivery-service' })
  source!: string;

  @ApiProperty({ type: Object, description: 'Shaped by `type`; see the payload schemas.' })
  @IsDefined()
  @IsObject()
  payload!: Record<string, unknown>;
}
