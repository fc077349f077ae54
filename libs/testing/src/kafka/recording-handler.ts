import { ANY, EventStore } from '@hub/event-store';
import { deterministicId } from '@hub/domain';
import { InboundMessage } from '@hub/messaging/contract';
import { MessageContext, MessageHandler } from '@hub/messaging/message-handler.port';

/** One call the handler saw. */
export interface HandledCall {
  messageId: string;
  label: string;
  source: string;
  partition: number;
}

/**
 * A test handler that does what the lead's command bus will do for idempotency: append one event
 * whose id is derived from the message id, so a redelivery appends nothing. `behaviour` may throw
 * to play a refusal or an outage for chosen messages.
 */
export class StoreAppendingHandler implements MessageHandler {
  readonly calls: HandledCall[] = [];
  behaviour: (message: InboundMessage) => void = () => undefined;

  constructor(private readonly store: EventStore) {}

  async handle(message: InboundMessage, context: MessageContext): Promise<void> {
    const label =
      message.type === 'CaseFirstResponded' ? message.payload.caseId : message.messageId;
    const partition = Number(context.source.split('/')[1]);
    this.calls.push({ messageId: message.messageId, label, source: context.source, partition });
    this.behaviour(message);
    await this.store.appendToStream(
      `ingested-${message.messageId}`,
      [
        {
          type: 'MessageIngested',
          data: { messageId: message.messageId },
          metadata: {
            eventId: deterministicId('ingest', message.messageId),
            schemaVersion: 1,
            correlationId: message.messageId,
            causationId: message.messageId,
            actor: { service: 'ingest-test' },
            source: context.source,
            occurredAt: message.occurredAt,
          },
        },
      ],
      ANY,
    );
  }

  /** Message ids whose effect is in the store, once per stored event (duplicates would repeat). */
  async storedMessageIds(): Promise<string[]> {
    const events = await this.store.readAll({ filter: { eventTypes: ['MessageIngested'] } });
    return events.map((e) => (e.data as { messageId: string }).messageId);
  }
}
