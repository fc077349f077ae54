import { InboundMessage, ParseResult } from '../contract';
import { MessageHandler } from '../message-handler.port';
import { BatchEntry } from './batch-entries';
import { DeadLetterCause } from './dead-letter';
import { classifyHandlerError } from './error-classification';
import { InPlaceRetrier, WhileWaiting } from './retry-in-place';

/**
 * Hands messages to the handler, one at a time or a group in one call, retrying a transient
 * failure in place, and says how each ended: recorded, or why it is to be dead-lettered.
 */
export class MessageOutcomes {
  constructor(
    private readonly handler: MessageHandler,
    private readonly retrier: InPlaceRetrier,
  ) {}

  /** Handles a group (one message, or several the handler takes in one call); settles each entry. */
  async settle(entries: BatchEntry[], waiting: WhileWaiting): Promise<void> {
    try {
      const outcomes =
        entries.length === 1
          ? [await this.outcomeOf(entries[0].parsed, entries[0].source, waiting)]
          : await this.outcomesTogether(entries, waiting);
      entries.forEach((entry, i) => entry.settle(outcomes[i]));
    } catch (error) {
      for (const entry of entries) entry.fail(error);
    }
  }

  /**
   * Handles one message, retrying a transient failure in place; answers why it is to be
   * dead-lettered (malformed, or refused by the handler), or null once its effect is recorded.
   */
  private async outcomeOf(
    parsed: ParseResult,
    source: string,
    waiting: WhileWaiting,
  ): Promise<DeadLetterCause | null> {
    if (!parsed.ok) {
      const { reason, message: text, details } = parsed;
      return { kind: 'invalid_message', reason, message: text, details };
    }
    let refusal: DeadLetterCause | null = null;
    const handle = async () => {
      try {
        await this.handler.handle(parsed.message, { source });
      } catch (error) {
        refusal = refusalOf(error, parsed.message);
      }
    };
    await this.retrier.untilDone(source, handle, waiting);
    return refusal;
  }

  /** A group in one handler call, retried in place as a whole when it fails as a whole. */
  private async outcomesTogether(
    entries: BatchEntry[],
    waiting: WhileWaiting,
  ): Promise<(DeadLetterCause | null)[]> {
    const messages = entries.map((entry) => entry.inbound);
    const contexts = entries.map((entry) => ({ source: entry.source }));
    let outcomes: (DeadLetterCause | null)[] = [];
    const handle = async () => {
      const errors = await this.handler.handleGroup!(messages, contexts);
      if (errors.length !== messages.length)
        throw new Error(`handleGroup answered ${errors.length} outcomes for ${messages.length}`);
      outcomes = errors.map((error, i) => (error === null ? null : refusalOf(error, messages[i])));
    };
    await this.retrier.untilDone(entries[0].source, handle, waiting);
    return outcomes;
  }
}

/** The dead-letter cause of a refusal; a transient failure is thrown on, to be retried. */
function refusalOf(error: unknown, message: InboundMessage): DeadLetterCause {
  const disposition = classifyHandlerError(error);
  if (disposition.kind === 'retry') throw error;
  return {
    kind: 'refused',
    reason: disposition.reason,
    message: disposition.message,
    details: (error as { details?: Record<string, unknown> }).details,
    messageId: message.messageId,
  };
}
