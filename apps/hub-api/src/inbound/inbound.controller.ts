import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RequireTokenRole } from '@hub/access';
import { HubError } from '@hub/domain';
import {
  MessageChannel,
  MessageEnvelopeDto,
  PAYLOAD_CLASSES,
  SUPPORTED_SCHEMA_VERSIONS,
  typesOfChannel,
} from '@hub/messaging';
import { HubMessageHandler } from '@hub/application/inbound/hub-message-handler';
import { positionOf } from '@hub/application/execution/answers';
import { BatchMessageRefused, MAX_BATCH, readInboundBody } from './inbound-body';
import { CommandInterceptors } from '../http/command-route';
import { InboundBatchAnswer, InboundMessageAnswer } from './inbound.dto';

/**
 * The envelopes a channel takes, one per type: its `type`, the schema versions the hub reads and
 * the payload class that type names, so the document states the whole message, not a shared
 * envelope with an open payload.
 */
function envelopesOf(channel: MessageChannel): SchemaObject {
  return {
    oneOf: typesOfChannel(channel).map((type) => ({
      allOf: [
        { $ref: getSchemaPath(MessageEnvelopeDto) },
        {
          type: 'object',
          properties: {
            type: { type: 'string', enum: [type] },
            schemaVersion: { type: 'integer', enum: [...SUPPORTED_SCHEMA_VERSIONS[type]] },
            payload: { $ref: getSchemaPath(PAYLOAD_CLASSES[type]) },
          },
        },
      ],
    })),
  };
}

/** One envelope of the channel, or `{ messages }` of them. */
function envelopeOrBatch(channel: MessageChannel): { schema: SchemaObject } {
  const envelope = envelopesOf(channel);
  return {
    schema: {
      oneOf: [
        envelope,
        {
          type: 'object',
          required: ['messages'],
          properties: {
            messages: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: envelope },
          },
        },
      ],
    },
  };
}

/** One envelope answers where it landed; a batch, each message's and the last position. */
const ONE_OR_BATCH_ANSWER = {
  description: 'InboundMessageAnswer for one envelope, InboundBatchAnswer for a batch',
  schema: {
    oneOf: [
      { $ref: getSchemaPath(InboundMessageAnswer) },
      { $ref: getSchemaPath(InboundBatchAnswer) },
    ],
  },
};

/**
 * The Kafka topics' HTTP fallback (api.md "Inbound messages") for systems without Kafka: the
 * same envelopes, the same validation, the same handler, so a message has the same effect
 * whichever way it came. `messageId` is the idempotency key on both.
 */
@ApiTags('inbound messages')
@ApiBearerAuth()
@ApiExtraModels(
  MessageEnvelopeDto,
  InboundMessageAnswer,
  InboundBatchAnswer,
  ...Object.values(PAYLOAD_CLASSES),
)
@RequireTokenRole('Service')
@CommandInterceptors()
@Controller()
export class InboundController {
  constructor(private readonly handler: HubMessageHandler) {}

  @Post('delivery/events')
  @HttpCode(200)
  @ApiOperation({
    summary: `Record delivery messages: one envelope, or { messages } (1–${MAX_BATCH}) handled in order (Service)`,
  })
  @ApiBody(envelopeOrBatch('delivery'))
  @ApiOkResponse(ONE_OR_BATCH_ANSWER)
  delivery(@Body() body: unknown): Promise<InboundMessageAnswer | InboundBatchAnswer> {
    return this.receive(body, 'delivery');
  }

  @Post('directory/events')
  @HttpCode(200)
  @ApiOperation({
    summary: `Record directory messages: one envelope, or { messages } (1–${MAX_BATCH}) handled in order (Service)`,
  })
  @ApiBody(envelopeOrBatch('directory'))
  @ApiOkResponse(ONE_OR_BATCH_ANSWER)
  directory(@Body() body: unknown): Promise<InboundMessageAnswer | InboundBatchAnswer> {
    return this.receive(body, 'directory');
  }

  private async receive(
    body: unknown,
    channel: MessageChannel,
  ): Promise<InboundMessageAnswer | InboundBatchAnswer> {
    const { batch, messages } = readInboundBody(body, channel);
    const results: InboundMessageAnswer[] = [];
    for (const [index, message] of messages.entries()) {
      try {
        const outcome = await this.handler.record(message, { source: 'http' });
        results.push({ messageId: message.messageId, position: positionOf(outcome) });
      } catch (error) {
        if (!batch || !(error instanceof HubError)) throw error;
        const recorded = results.map((r) => r.messageId);
        throw new BatchMessageRefused(error, index, message.messageId, recorded);
      }
    }
    if (!batch) return results[0];
    const last = results.reduce(
      (max, r) => (BigInt(r.position) > BigInt(max) ? r.position : max),
      '0',
    );
    return { results, position: last };
  }
}
