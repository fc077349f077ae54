// Polls a Kafka broker until it answers a metadata request, or exits 1 at the deadline.
// Usage: node wait-kafka.cjs <host:port> <seconds> [pid]   (gives up early when pid exits)
const { Kafka, logLevel } = require('kafkajs');

const [broker, seconds = '60', pid] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;

async function attempt() {
  const admin = new Kafka({
    clientId: 'engines-wait',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

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
  while (Date.now() < deadline && alive()) {
    if (await attempt()) process.exit(0);
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!alive()) process.exit(2);
  console.error(`kafka at ${broker} did not answer metadata within ${seconds}s`);
  process.exit(1);
})();
