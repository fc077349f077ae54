import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { kafkaBrokers, mongoUrl } from './engines';

// Proves the engines from infra/local/up.sh (or KAFKA_BROKERS / MONGODB_URL) really work.
describe('local engines', () => {
  const suffix = randomUUID().slice(0, 8);

  it('kafka creates a topic, lists it, and round-trips one message', async () => {
    const kafka = new Kafka({
      clientId: `engines-spec-${suffix}`,
      brokers: kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const topic = `engines-spec-${suffix}`;
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: `engines-spec-${suffix}` });
    try {
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      expect(await admin.listTopics()).toContain(topic);

      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'k', value: 'hello' }] });

      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<string>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error('no message within 30 s')), 30_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            clearTimeout(deadline);
            resolve(message.value?.toString() ?? '');
          },
        });
      });
      expect(await received).toBe('hello');
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('mongodb inserts and finds one document', async () => {
    const client = new MongoClient(mongoUrl());
    const db = client.db(`engines_spec_${suffix}`);
    const things = db.collection<{ _id: string; name: string }>('things');
    try {
      await client.connect();
      await things.insertOne({ _id: 'one', name: 'first' });
      expect(await things.findOne({ _id: 'one' })).toEqual({ _id: 'one', name: 'first' });
    } finally {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    }
  });
});
