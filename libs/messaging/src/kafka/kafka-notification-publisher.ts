import { Kafka, Partitioners, Producer } from 'kafkajs';
import { NotificationPublisher, OutboundNotification } from '../notification-publisher.port';

/** Publishes notifications to `hub.notifications.v1`, keyed by notification id (one partition per id). */
export class KafkaNotificationPublisher implements NotificationPublisher {
  private readonly producer: Producer;
  private connecting: Promise<void> | null = null;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
  ) {
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  }

  async publish(notifications: readonly OutboundNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    // A failed connect is forgotten so the relay's next attempt tries again.
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    await this.connecting;
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: notifications.map((n) => ({
        key: n.id,
        value: JSON.stringify(n),
        headers: { 'x-notification-kind': n.kind },
      })),
    });
  }

  async close(): Promise<void> {
    if (this.connecting) await this.producer.disconnect();
    this.connecting = null;
  }
}
