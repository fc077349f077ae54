// `npm run bench -- <name> [args…]` runs dist/bench/<name>.bench.js (built just before).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const [name, ...args] = process.argv.slice(2);
const available = readdirSync('dist/bench')
  .filter((f) => f.endsWith('.bench.js'))
  .map((f) => f.replace('.bench.js', ''));
if (!name || !existsSync(`dist/bench/${name}.bench.js`)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
// The hub's own heap setting (package.json "start"): a 64 MiB young generation semi-space.
// A catch-up allocates short-lived events and document texts quickly; with V8's default
// (16 MiB) they were scavenged and promoted often enough to take ~15% of a 1M-event rebuild.
const HUB_NODE_FLAGS = ['--max-semi-space-size=64'];
const run = spawnSync(
  process.execPath,
  ['--expose-gc', ...HUB_NODE_FLAGS, `dist/bench/${name}.bench.js`, ...args],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
