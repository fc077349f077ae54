// Builds the reporting UI (apps/web) into dist/web with Vite, once: the build is skipped when a
// hash of its sources and of the toolchain's versions matches the one stamped on the last build,
// so `npm start` stays quick after the first run. `--force` builds anyway.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const webDir = join(root, 'apps', 'web');
const outDir = join(root, 'dist', 'web');
const stamp = join(outDir, '.source-hash');
const TOOLCHAIN = ['vite', 'react', 'react-dom', 'chart.js', 'esbuild'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'e2e') yield* files(path);
    } else if (!/\.spec\.tsx?$/.test(entry.name) && !entry.name.endsWith('.png')) yield path;
  }
}

export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of files(webDir)) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of TOOLCHAIN) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    const version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : '-';
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest('hex');
}

/** Whether the process that took the lock is gone (killed half way through a build). */
function holderGone(lock) {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH' || error.code === 'ENOENT';
  }
}

/**
 * One build at a time (parallel jest workers each ask for the UI): a lock directory holding
 * the builder's pid, taken over when that process is gone or after two minutes.
 */
async function withLock(work) {
  const lock = join(root, 'dist', '.web-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000 || (age > 1000 && holderGone(lock)))
        rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

await withLock(async () => {
  const wanted = sourceHash();
  const force = process.argv.includes('--force');
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) {
    console.log('web UI up to date in dist/web');
    return;
  }
  const started = Date.now();
  // Vite keeps a NODE_ENV it finds (jest sets `test`), which would ship React's development
  // build: the UI is always built for production.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stamp, `${wanted}\n`);
  console.log(`built the web UI into dist/web in ${Date.now() - started} ms`);
});
