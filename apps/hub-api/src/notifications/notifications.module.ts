import { Global, Module } from '@nestjs/common';
import { NOTIFICATION_PUBLISHER, NotificationPublisher } from '@hub/messaging';
import { NOTIFICATION_SINK, NoNotificationSink, NotificationSink } from './notification';
import { NotificationOutbox } from './notification-outbox';
import { OutboxController } from './outbox.controller';

/** Hands each notification to the configured publisher (Kafka `hub.notifications.v1`). */
class PublishingNotificationSink implements NotificationSink {
  constructor(private readonly publisher: NotificationPublisher) {}
  publish(notification: Parameters<NotificationSink['publish']>[0]): Promise<void> {
    return this.publisher.publish([notification]);
  }
}

/**
 * The notification outbox, global so the follow-up steps (write/) can enqueue. When Kafka is
 * configured (IngestModule provides `NOTIFICATION_PUBLISHER`) the sink publishes there;
 * otherwise the outbox alone carries the notifications.
 */
@Global()
@Module({
  controllers: [OutboxController],
  providers: [
    {
      provide: NOTIFICATION_SINK,
      inject: [{ token: NOTIFICATION_PUBLISHER, optional: true }],
      useFactory: (publisher?: NotificationPublisher): NotificationSink =>
        publisher ? new PublishingNotificationSink(publisher) : new NoNotificationSink(),
    },
    NotificationOutbox,
  ],
  exports: [NotificationOutbox, NOTIFICATION_SINK],
})
export class NotificationsModule {}
