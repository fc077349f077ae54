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
import { incidentStream, serviceIncidentDecider } from '@hub/domain/directory/service-incident';
import { GlobalPosition, SubjectKeyStore } from '@hub/event-store';
import { InboundMessage, InboundMessageOf, MessageContext, MessageHandler } from '@hub/messaging';
import { CaseResponses } from '../cases/case-responses';
import { ConsumptionLedger, LedgerDelivery } from '../consumption/consumption-ledger';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor, Execution } from '../execution/command-executor';
import { DomainEvent } from '@hub/domain';
import { AnyExecution } from '../execution/execution';
import { MessageIds } from './message-ids';

/** One execution, typed by its decider, to run in a unit with others. */
function execution<C, E extends DomainEvent, S>(run: Execution<C, E, S>): AnyExecution {
  return run as unknown as AnyExecution;
}

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
    private readonly messageIds: MessageIds,
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
      const context = messageCommandContext(message, contexts[i].source);
      return {
        delivered: plain(message.payload),
        reportedBy: message.source,
        context,
        // The message id is claimed for its payload in the same append as the record.
        also: [this.messageIds.claiming(message, context)],
      };
    });
    const answers = await this.ledger.logAll(deliveries);
    return answers.map((answer) => (answer instanceof Error ? answer : null));
  }

  /**
   * Records the message's effect and says where it landed, with its id claimed for its payload:
   * the same id with another payload is refused (`message_id_reused`), appending nothing.
   */
  async record(message: InboundMessage, { source }: MessageContext): Promise<MessageOutcome> {
    const context = messageCommandContext(message, source);
    const claim = this.messageIds.claiming(message, context);
    switch (message.type) {
      case 'ConsumptionDelivered':
        return this.ledger.log(plain(message.payload), message.source, context, [claim]);
      case 'ConsumptionReversed':
      case 'CaseFirstResponded': {
        // These services append on their own: checked first, claimed once recorded.
        await this.messageIds.check(message);
        const outcome =
          message.type === 'ConsumptionReversed'
            ? await this.ledger.reverse(
                message.payload.consumptionId,
                message.payload.reason,
                context,
              )
            : await this.responses.record(
                message.payload.caseId,
                message.payload.respondedAt,
                context,
              );
        await this.messageIds.remember(message, context);
        return outcome;
      }
      case 'OrganizationUpserted':
        return this.withClaim(claim, this.upsertOrganization(message, context));
      case 'UserUpserted':
        return this.withClaim(claim, this.upsertUser(message, context));
      case 'EmailStatusReported':
        return this.withClaim(claim, this.reportEmailStatus(message, context));
      case 'EmailSuppressed':
        return this.withClaim(claim, this.recordSuppression(message, context));
      case 'ServiceIncidentReported':
        return this.withClaim(claim, this.recordIncident(message, context));
    }
  }

  /** The claim and the effect in one append: both land or neither. */
  private async withClaim(claim: AnyExecution, effect: AnyExecution): Promise<MessageOutcome> {
    const [outcome] = await this.executor.executeUnits([[claim, effect]]);
    if (outcome instanceof Error) throw outcome;
    return { position: outcome[1].position };
  }

  private recordIncident(
    message: InboundMessageOf<'ServiceIncidentReported'>,
    context: CommandContext,
  ) {
    const { incidentId, orgId, workload, status, title, startedAt, endedAt } = message.payload;
    return execution({
      stream: incidentStream(incidentId),
      decider: serviceIncidentDecider,
      context,
      command: () => ({
        type: 'RecordServiceIncident' as const,
        incident: {
          incidentId,
          orgId: orgId as OrgId,
          workload,
          status,
          title,
          startedAt,
          ...(endedAt !== undefined ? { endedAt } : {}),
        },
        at: message.occurredAt,
        by: serviceCaller(message),
      }),
    });
  }

  private upsertOrganization(
    message: InboundMessageOf<'OrganizationUpserted'>,
    context: CommandContext,
  ) {
    const record = plain<OrganizationRecord>(message.payload);
    return execution({
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

  private upsertUser(message: InboundMessageOf<'UserUpserted'>, context: CommandContext) {
    const record = plain<UserRecord>(message.payload);
    return execution({
      stream: directoryUserStream(record.userId),
      decider: userDirectoryDecider,
      context,
      command: () => ({ type: 'UpsertUser' as const, record, by: serviceCaller(message) }),
    });
  }

  private reportEmailStatus(
    message: InboundMessageOf<'EmailStatusReported'>,
    context: CommandContext,
  ) {
    const { userId, email, messageKind, status, at } = message.payload;
    return execution({
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

  private recordSuppression(message: InboundMessageOf<'EmailSuppressed'>, context: CommandContext) {
    const { email, reason } = message.payload;
    return execution({
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
