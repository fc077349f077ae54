import { randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncPath } from '../fsync-path';

/**
 * A candidate lives for a write, an fsync and a link; one older than this was left by a process
 * that died in between, and nothing will ever read it.
 */
const ABANDONED_AFTER_MS = 60_000;

/**
 * A secret generated once into `file` (mode 0600) and read from it ever after. Processes that
 * start together on one fresh DATA_DIR agree on it: each writes its candidate, whole and synced,
 * to a file of its own and links it into place, which only the first link does; every process
 * then reads what is in place. A crash leaves either no secret or a whole one, never a part;
 * a candidate a crash left behind is removed by the next start.
 */
export function generatedOnce(file: string, generate: () => string): string {
  const dir = dirname(file);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const candidate = `${file}.${process.pid}-${randomBytes(6).toString('hex')}`;
    writeFileSync(candidate, generate(), { mode: 0o600, flag: 'wx' });
    fsyncPath(candidate);
    try {
      linkSync(candidate, file);
      fsyncPath(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(candidate, { force: true });
    }
  }
  removeAbandonedCandidates(file);
  return readFileSync(file, 'utf8').trim();
}

/** Candidates of `file` (`<name>.<pid>-<12 hex>`) older than `ABANDONED_AFTER_MS`. */
function removeAbandonedCandidates(file: string): void {
  const now = Date.now();
  const dir = dirname(file);
  const name = basename(file);
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(`${name}.`) || !/\.\d+-[0-9a-f]{12}$/.test(entry)) continue;
    const path = join(dir, entry);
    // Gone already: another process starting beside this one removed it.
    const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && now - modified > ABANDONED_AFTER_MS)
      rmSync(path, { force: true });
  }
}
