import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError } from '@hub/domain';
import {
  ID_KINDS,
  IdClaimState,
  idClaimDecider,
  idClaimStream,
} from '@hub/domain/id-claims/id-claim.decider';
import { IdClaimCommand } from '@hub/domain/id-claims/id-claim.commands';
import { IdClaimEvent } from '@hub/domain/id-claims/id-claim.events';
import { InboundMessage } from '@hub/messaging';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor, Execution } from '../execution/command-executor';

const KIND = ID_KINDS.message;

/** The content a message id names: its type and payload (not when or through which route it came). */
function contentOwner(message: InboundMessage): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([message.type, message.payload]))
    .digest('hex');
  return `payload-${hash}`;
}

/**
 * An id names one fact (domain.md §2): the same `messageId` with the same content changes nothing;
 * with another content it is refused as `message_id_reused` (dead-lettered by the consumer, 409
 * over HTTP), never acknowledged and dropped. A handled message claims its id for a hash of its
 * content (`id-message-<messageId>`), in the same append as its effect where the handler can.
 */
@Injectable()
export class MessageIds {
  constructor(private readonly executor: CommandExecutor) {}

  /** The claim of the message's id for its content, to append with the message's effect. */
  claiming(
    message: InboundMessage,
    context: CommandContext,
  ): Execution<IdClaimCommand, IdClaimEvent, IdClaimState> {
    return {
      stream: idClaimStream(KIND, message.messageId),
      decider: idClaimDecider,
      context,
      command: () => ({
        type: 'ClaimId' as const,
        kind: KIND,
        id: message.messageId,
        ownerStream: contentOwner(message),
        at: context.occurredAt,
      }),
    };
  }

  /** Refuses a message whose id was handled with another content (appends nothing). */
  async check(message: InboundMessage): Promise<void> {
    const claimed = await this.executor.load(
      idClaimStream(KIND, message.messageId),
      idClaimDecider,
    );
    const owner = claimed.state.ownerStream;
    if (owner !== null && owner !== contentOwner(message)) {
      throw new DomainError(
        'message_id_reused',
        `Message ${message.messageId} was already received with another payload.`,
        { messageId: message.messageId },
      );
    }
  }

  /** Claims the id after the message's effect was recorded (where they cannot share an append). */
  async remember(message: InboundMessage, context: CommandContext): Promise<void> {
    await this.executor.execute(this.claiming(message, context));
  }
}
