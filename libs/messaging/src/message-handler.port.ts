import { InboundMessage } from './contract';

/** Where a message came from, recorded as the events' `source` metadata. */
export interface MessageContext {
  /** `kafka:<topic>/<partition>/<offset>` (or `http` for the HTTP fallback routes). */
  source: string;
}

/**
 * Turns one validated inbound message into the hub's command. `message.messageId` is the
 * idempotency key: a redelivered message must append nothing new. Resolve when done; throw a
 * 4xx `HubError` (DomainError, NotFoundError, ValidationError, ForbiddenError) to refuse it for
 * good (it is dead-lettered); throw anything else to have it retried.
 */
export interface MessageHandler {
  handle(message: InboundMessage, context: MessageContext): Promise<void>;
  /**
   * What the message must not overtake: messages of one partition that share a key are handled
   * in partition order, one after the other, and messages with no key in common may be handled
   * at the same time. `null`, or no such method: after everything before it, before everything
   * after it (one message at a time).
   */
  orderingKeys?(message: InboundMessage): readonly string[] | null;
  /**
   * Messages with the same group key may be handed to `handleGroup` together (several
   * deliveries to one ledger, say), in partition order. `null`, or no such method: one at a time.
   */
  groupKey?(message: InboundMessage): string | null;
  /**
   * Handles messages of one group key as one unit, each deciding on what the ones before it
   * decided, with one append for all. Resolves with one entry per message, in order: null when
   * its effect is recorded, or the 4xx `HubError` that refused it (the others still take
   * effect; a refused message records nothing). Throws when the unit failed as a whole
   * (anything else): it is retried as a whole, and whatever of it did land is recognized by
   * its message ids and not recorded twice.
   */
  handleGroup?(
    messages: readonly InboundMessage[],
    contexts: readonly MessageContext[],
  ): Promise<(Error | null)[]>;
}

/** Injection token for the `MessageHandler` port. */
export const MESSAGE_HANDLER = Symbol('MessageHandler');
