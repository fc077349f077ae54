import { Injectable } from '@nestjs/common';
import { Caller, ContractId, OrgId, PartnerId, UserId, deterministicId } from '@hub/domain';
import { ledgerStream } from '@hub/domain/consumption/consumption.decider';
import { ID_KINDS, idClaimStream } from '@hub/domain/id-claims/id-claim.decider';
import {
  directoryOrgStream,
  directoryUserStream,
  organizationDirectoryDecider,
  userDirectoryDecider,
} from '@hub/domain/directory/directory.decider';
import { OrganizationRecord, UserRecord } from '@hub/domain/directory/directory.events';
import { suppressionDecider, suppressionStream } from '@hub/domain/helpdesk/suppression.decider';
import { GlobalPosition, SubjectKeyStore } from '@hub/event-store';
import { InboundMessage, InboundMessageOf, MessageContext, MessageHandler } from '@hub/messaging';
import { CaseResponses } from '../cases/case-responses';
import { ConsumptionLedger, LedgerDelivery } from '../consumption/consumption-ledger';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';

/** Where a message's effect landed: the position of its last event (null: nothing recorded yet). */
export interface MessageOutcome {
  position: GlobalPosition | null;
}

/**
 * The command context of an inbound message: its `messageId` is the idempotency key, so a
 * redelivery (Kafka) or a resend (HTTP) derives the same event ids and appends nothing new.
 */
export function messageCommandContext(message: InboundMessage, source: string): CommandContext {
  const commandId = deterministicId('message', message.messageId);
  return {
    commandId,
    correlationId: message.messageId,
    actor: { service: message.source },
    source,
    occurredAt: message.occurredAt,
  };
}

/** The producing system as the deciders' caller: a service, never a person. */
function serviceCaller(message: InboundMessage): Caller {
  return { userId: message.source as UserId, providerRoles: [], service: true };
}

// Payloads arrive as validated DTO instances; events must hold plain JSON (style.md "Types").
function plain<T>(value: object): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Turns every inbound message (Kafka or the HTTP fallback routes: one code path) into the hub's
 * command through the same services the HTTP commands use. Refusals surface as the domain's 4xx
 * errors (dead-lettered by the consumer, answered as such over HTTP); anything else is retried.
 */
@Injectable()
export class HubMessageHandler implements MessageHandler {
  constructor(
    private readonly ledger: ConsumptionLedger,
    private readonly responses: CaseResponses,
    private readonly executor: CommandExecutor,
    private readonly keys: SubjectKeyStore,
  ) {}

  async handle(message: InboundMessage, context: MessageContext): Promise<void> {
    await this.record(message, context);
  }

  /**
   * A delivery writes only its ledger and its id's claim, so deliveries to other ledgers with
   * other ids may overlap it. Everything else keeps the partition's strict order: a reversal
   * finds its ledger only through the claim of the delivery before it, and the directory facts
   * build on one another.
   */
  orderingKeys(message: InboundMessage): readonly string[] | null {
    if (message.type !== 'ConsumptionDelivered') return null;
    const { contractId, consumptionId } = message.payload;
    return [
      ledgerStream(contractId as ContractId),
      idClaimStream(ID_KINDS.consumption, consumptionId),
    ];
  }

  /** Deliveries to one ledger may be logged together: decided in turn, appended once. */
  groupKey(message: InboundMessage): string | null {
    if (message.type !== 'ConsumptionDelivered') return null;
    return ledgerStream(message.payload.contractId as ContractId);
  }

  /** Logs a group of deliveries (the consumer groups only what `groupKey` keys) with one append. */
  async handleGroup(
    messages: readonly InboundMessage[],
    contexts: readonly MessageContext[],
  ): Promise<(Error | null)[]> {
    if (messages.length !== contexts.length) {
      throw new Error(`handleGroup: ${messages.length} messages but ${contexts.length} contexts`);
    }
    const deliveries = messages.map((message, i): LedgerDelivery => {
      if (message.type !== 'ConsumptionDelivered') {
        throw new Error(`handleGroup takes ConsumptionDelivered only, not ${message.type}`);
      }
      return {
        delivered: plain(message.payload),
        reportedBy: message.source,
        context: messageCommandContext(message, contexts[i].source),
      };
    });
    const answers = await this.ledger.logAll(deliveries);
    return answers.map((answer) => (answer instanceof Error ? answer : null));
  }

  /** Records the message's effect and says where it landed. */
  record(message: InboundMessage, { source }: MessageContext): Promise<MessageOutcome> {
    const context = messageCommandContext(message, source);
    switch (message.type) {
      case 'ConsumptionDelivered':
        return this.ledger.log(plain(message.payload), message.source, context);
      case 'ConsumptionReversed':
        return this.ledger.reverse(message.payload.consumptionId, message.payload.reason, context);
      case 'CaseFirstResponded':
        return this.responses.record(message.payload.caseId, message.payload.respondedAt, context);
      case 'OrganizationUpserted':
        return this.upsertOrganization(message, context);
      case 'UserUpserted':
        return this.upsertUser(message, context);
      case 'EmailStatusReported':
        return this.reportEmailStatus(message, context);
      case 'EmailSuppressed':
        return this.recordSuppression(message, context);
    }
  }

  private upsertOrganization(
    message: InboundMessageOf<'OrganizationUpserted'>,
    context: CommandContext,
  ): Promise<MessageOutcome> {
    const record = plain<OrganizationRecord>(message.payload);
    return this.executor.execute({
      stream: directoryOrgStream(record.orgId as OrgId),
      decider: organizationDirectoryDecider,
      context,
      command: () => ({
        type: 'UpsertOrganization' as const,
        record: {
          ...record,
          managedByPartnerIds: record.managedByPartnerIds as PartnerId[],
        },
        by: serviceCaller(message),
      }),
    });
  }

  private upsertUser(
    message: InboundMessageOf<'UserUpserted'>,
    context: CommandContext,
  ): Promise<MessageOutcome> {
    const record = plain<UserRecord>(message.payload);
    return this.executor.execute({
      stream: directoryUserStream(record.userId),
      decider: userDirectoryDecider,
      context,
      command: () => ({ type: 'UpsertUser' as const, record, by: serviceCaller(message) }),
    });
  }

  private reportEmailStatus(
    message: InboundMessageOf<'EmailStatusReported'>,
    context: CommandContext,
  ): Promise<MessageOutcome> {
    const { userId, email, messageKind, status, at } = message.payload;
    return this.executor.execute({
      stream: directoryUserStream(userId as UserId),
      decider: userDirectoryDecider,
      context,
      command: () => ({
        type: 'ReportEmailStatus' as const,
        report: { userId: userId as UserId, email, messageKind, status, at },
        by: serviceCaller(message),
      }),
    });
  }

  private recordSuppression(
    message: InboundMessageOf<'EmailSuppressed'>,
    context: CommandContext,
  ): Promise<MessageOutcome> {
    const { email, reason } = message.payload;
    return this.executor.execute({
      stream: suppressionStream(this.keys.addressKey(email)),
      decider: suppressionDecider,
      context,
      command: () => ({
        type: 'RecordEmailSuppression' as const,
        email,
        reason,
        at: message.occurredAt,
        by: serviceCaller(message),
      }),
    });
  }
}
