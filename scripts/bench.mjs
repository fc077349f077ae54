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
const run = spawnSync(process.execPath, ['--expose-gc', `dist/bench/${name}.bench.js`, ...args], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
