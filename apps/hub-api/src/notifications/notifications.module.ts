import { Global, Module } from '@nestjs/common';
import { NOTIFICATION_SINK, NoNotificationSink } from './notification';
import { NotificationOutbox } from './notification-outbox';
import { OutboxController } from './outbox.controller';

/**
 * The notification outbox, global so the follow-up steps (write/) can enqueue. A Kafka sink
 * replaces the default by overriding `NOTIFICATION_SINK`.
 */
@Global()
@Module({
  controllers: [OutboxController],
  providers: [{ provide: NOTIFICATION_SINK, useClass: NoNotificationSink }, NotificationOutbox],
  exports: [NotificationOutbox, NOTIFICATION_SINK],
})
export class NotificationsModule {}
