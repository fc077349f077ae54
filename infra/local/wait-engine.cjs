// Polls a local engine until it answers, or exits 1 at the deadline (2 if its process exits).
// Usage: node wait-engine.cjs kafka <host:port> <seconds> [pid]
//        node wait-engine.cjs mongo <mongodb-url> <seconds> [pid]
const [engine, address, seconds = '60', pid] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;

/** One attempt per engine: Kafka must answer metadata, a MongoDB-wire server `ping`. */
const probes = {
  async kafka() {
    const { Kafka, logLevel } = require('kafkajs');
    const admin = new Kafka({
      clientId: 'engines-wait',
      brokers: [address],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      await admin.listTopics();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  },
  async mongo() {
    const { MongoClient } = require('mongodb');
    const client = new MongoClient(address, {
      serverSelectionTimeoutMS: 1000,
      connectTimeoutMS: 1000,
    });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
    } finally {
      await client.close().catch(() => undefined);
    }
  },
};

function alive() {
  if (!pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

(async () => {
  const probe = probes[engine];
  if (!probe) {
    console.error(`unknown engine "${engine}" (kafka or mongo)`);
    process.exit(64);
  }
  while (Date.now() < deadline && alive()) {
    if (
      await probe().then(
        () => true,
        () => false,
      )
    )
      process.exit(0);
    await new Promise((r) => setTimeout(r, 400));
  }
  if (!alive()) process.exit(2);
  console.error(`${engine} at ${address} did not answer within ${seconds}s`);
  process.exit(1);
})();
