import { Kafka } from 'kafkajs';
import { KafkaSettings } from '../kafka-config';
import { deadLetterTopic } from './dead-letter';

/** A topic to have, with its partition count. */
export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Also create `<topic>.dlq` (same partition count). */
  withDeadLetter?: boolean;
}

/**
 * Creates the topics (and their DLQs) that do not exist yet; leaves existing ones untouched
 * (partition counts are never changed here: that would re-route keys). Returns the names created.
 */
export async function ensureTopics(
  kafka: Kafka,
  specs: readonly TopicSpec[],
  replicationFactor = 1,
): Promise<string[]> {
  const wanted = new Map<string, number>();
  for (const spec of specs) {
    wanted.set(spec.topic, spec.partitions);
    if (spec.withDeadLetter) wanted.set(deadLetterTopic(spec.topic), spec.partitions);
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter(([topic]) => !existing.has(topic));
    if (missing.length === 0) return [];
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(([topic, numPartitions]) => ({
          topic,
          numPartitions,
          replicationFactor,
        })),
      });
    } catch (error) {
      // Another instance may have created them between our list and create: that is success.
      if (!String((error as Error).message).includes('already exists')) throw error;
    }
    return missing.map(([topic]) => topic);
  } finally {
    await admin.disconnect();
  }
}

/** The hub's topics: delivery and directory (with DLQs) and notifications. */
export function hubTopicSpecs(
  settings: Pick<KafkaSettings, 'topics'>,
  partitions = 3,
): TopicSpec[] {
  return [
    { topic: settings.topics.delivery, partitions, withDeadLetter: true },
    { topic: settings.topics.directory, partitions, withDeadLetter: true },
    { topic: settings.topics.notifications, partitions },
  ];
}
