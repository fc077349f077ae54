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
import { RequireTokenRole } from '@hub/access';
import { HubError } from '@hub/domain';
import { MessageChannel, MessageEnvelopeDto } from '@hub/messaging';
import { HubMessageHandler } from '@hub/application/inbound/hub-message-handler';
import { positionOf } from '@hub/application/execution/answers';
import { BatchMessageRefused, MAX_BATCH, readInboundBody } from './inbound-body';
import { InboundBatchAnswer, InboundMessageAnswer } from './inbound.dto';

const ENVELOPE_OR_BATCH = {
  schema: {
    oneOf: [
      { $ref: getSchemaPath(MessageEnvelopeDto) },
      {
        type: 'object',
        required: ['messages'],
        properties: {
          messages: {
            type: 'array',
            minItems: 1,
            maxItems: MAX_BATCH,
            items: { $ref: getSchemaPath(MessageEnvelopeDto) },
          },
        },
      },
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
@ApiExtraModels(MessageEnvelopeDto)
@RequireTokenRole('Service')
@Controller()
export class InboundController {
  constructor(private readonly handler: HubMessageHandler) {}

  @Post('delivery/events')
  @HttpCode(200)
  @ApiOperation({
    summary: `Record delivery messages: one envelope, or { messages } (1–${MAX_BATCH}) handled in order (Service)`,
  })
  @ApiBody(ENVELOPE_OR_BATCH)
  @ApiOkResponse({ type: InboundMessageAnswer, description: 'or InboundBatchAnswer for a batch' })
  delivery(@Body() body: unknown): Promise<InboundMessageAnswer | InboundBatchAnswer> {
    return this.receive(body, 'delivery');
  }

  @Post('directory/events')
  @HttpCode(200)
  @ApiOperation({
    summary: `Record directory messages: one envelope, or { messages } (1–${MAX_BATCH}) handled in order (Service)`,
  })
  @ApiBody(ENVELOPE_OR_BATCH)
  @ApiOkResponse({ type: InboundMessageAnswer, description: 'or InboundBatchAnswer for a batch' })
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
