// Polls a MongoDB-wire server until it answers `ping`, or exits 1 at the deadline.
// Usage: node wait-mongo.cjs <mongodb-url> <seconds> [pid]   (gives up early when pid exits)
const { MongoClient } = require('mongodb');

const [url, seconds = '60', pid] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;

async function attempt() {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
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
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!alive()) process.exit(2);
  console.error(`mongo at ${url} did not answer ping within ${seconds}s`);
  process.exit(1);
})();
