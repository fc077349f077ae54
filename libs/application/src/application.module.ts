import { Global, Module } from '@nestjs/common';
import { NOTIFICATION_PUBLISHER, NotificationPublisher } from '@hub/messaging';
import { CaseResponses } from './cases/case-responses';
import { ConsumptionLedger } from './consumption/consumption-ledger';
import { CommandExecutor } from './execution/command-executor';
import { CommandReads } from './execution/command-reads';
import { CommandTableHandler } from './execution/command-table.handler';
import { IdempotencyService } from './execution/idempotency';
import { HelpDeskAgentChecks } from './helpdesk/helpdesk-agent-check';
import { ReadOnlySessionStatus } from './helpdesk/readonly-session.status';
import { SendVerificationCodeHandler } from './helpdesk/send-verification-code.handler';
import { HubMessageHandler } from './inbound/hub-message-handler';
import { MessageIds } from './inbound/message-ids';
import { CustomerIndex } from './indexes/customer-index';
import { IdClaims } from './indexes/id-claims';
import {
  NOTIFICATION_SINK,
  NoNotificationSink,
  NotificationSink,
} from './notifications/notification';
import { NotificationOutbox } from './notifications/notification-outbox';
import { RecipientNotifications } from './notifications/recipient-notifications';
import { Schedule } from './schedule/schedule';
import { Recipients } from './workflows/recipients';
import { WORKFLOWS, Workflows } from './workflows/workflows';
import { ALL_WORKFLOWS } from './workflows/workflows.list';
import { WorkspaceAccess } from './workspaces/workspace-access';

/** Every command handler `CommandBus` dispatches to: the table entries, and the one command that spans two streams and the outbox. */
const COMMAND_HANDLERS = [CommandTableHandler, SendVerificationCodeHandler];

/** The cross-aggregate reads and services the handlers and the message handler share. */
const SERVICES = [
  CommandExecutor,
  CommandReads,
  IdempotencyService,
  IdClaims,
  CustomerIndex,
  WorkspaceAccess,
  CaseResponses,
  ConsumptionLedger,
  HelpDeskAgentChecks,
  ReadOnlySessionStatus,
  Workflows,
  Schedule,
  Recipients,
  NotificationOutbox,
  RecipientNotifications,
  HubMessageHandler,
  MessageIds,
];

/** Hands each notification to the configured publisher (Kafka `hub.notifications.v1`). */
class PublishingNotificationSink implements NotificationSink {
  constructor(private readonly publisher: NotificationPublisher) {}
  publish(notification: Parameters<NotificationSink['publish']>[0]): Promise<void> {
    return this.publisher.publish([notification]);
  }
}

/**
 * The write side's use cases for any process that takes commands (HTTP or Kafka): the command
 * handlers, the executor, id claims, cross-aggregate reads, the inbound message handler and the
 * notification outbox. It needs the stores (EVENT_STORE, READ_MODEL_STORE) and, when Kafka is
 * configured, NOTIFICATION_PUBLISHER; without a publisher the outbox alone carries notifications.
 */
@Global()
@Module({
  providers: [
    ...COMMAND_HANDLERS,
    ...SERVICES,
    { provide: WORKFLOWS, useValue: ALL_WORKFLOWS },
    {
      provide: NOTIFICATION_SINK,
      inject: [{ token: NOTIFICATION_PUBLISHER, optional: true }],
      useFactory: (publisher?: NotificationPublisher): NotificationSink =>
        publisher ? new PublishingNotificationSink(publisher) : new NoNotificationSink(),
    },
  ],
  exports: [...SERVICES, NOTIFICATION_SINK],
})
export class ApplicationModule {}
