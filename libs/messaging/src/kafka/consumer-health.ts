import { Consumer, Kafka } from 'kafkajs';

/** What /health reports for the ingest consumer. */
export interface ConsumerHealth {
  connected: boolean;
  /** The partitions this member holds, by topic (empty until it joined the group). */
  assignment: Record<string, number[]>;
  /** The last crash kafkajs reported and whether it restarts by itself. */
  lastCrash?: { at: string; error: string; restarting: boolean };
}

/** Lag of one partition: messages written but not yet committed by the group. */
export interface PartitionLag {
  topic: string;
  partition: number;
  committed: string;
  end: string;
  lag: string;
}

/** Follows the consumer's instrumentation events, so health costs no round trip. */
export class ConsumerHealthTracker {
  private connected = false;
  private assignment: Record<string, number[]> = {};
  private lastCrash?: ConsumerHealth['lastCrash'];

  constructor(consumer: Consumer) {
    const { CONNECT, DISCONNECT, GROUP_JOIN, CRASH, STOP, REBALANCING } = consumer.events;
    consumer.on(CONNECT, () => (this.connected = true));
    consumer.on(DISCONNECT, () => (this.connected = false));
    consumer.on(STOP, () => (this.assignment = {}));
    // Between a rebalance starting and the next join, the old assignment is no longer ours.
    consumer.on(REBALANCING, () => (this.assignment = {}));
    consumer.on(GROUP_JOIN, (event) => {
      this.connected = true;
      this.assignment = { ...event.payload.memberAssignment };
    });
    consumer.on(CRASH, (event) => {
      this.connected = false;
      this.lastCrash = {
        at: new Date().toISOString(),
        error: event.payload.error?.message ?? 'unknown',
        restarting: event.payload.restart,
      };
    });
  }

  snapshot(): ConsumerHealth {
    return { connected: this.connected, assignment: this.assignment, lastCrash: this.lastCrash };
  }
}

/** Committed and end offsets of the group on each partition of `topics`. */
export async function readLag(
  kafka: Kafka,
  groupId: string,
  topics: string[],
): Promise<PartitionLag[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics });
    const lags: PartitionLag[] = [];
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const raw = mine.find((p) => p.partition === end.partition)?.offset ?? '-1';
        // -1 means "nothing committed yet": everything from the low watermark is still to read.
        const from = BigInt(raw) < 0n ? BigInt(end.low) : BigInt(raw);
        const lag = BigInt(end.high) - from;
        lags.push({
          topic,
          partition: end.partition,
          committed: raw,
          end: end.high,
          lag: String(lag < 0n ? 0n : lag),
        });
      }
    }
    return lags;
  } finally {
    await admin.disconnect();
  }
}
