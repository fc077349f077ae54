import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncPath } from '../fsync-path';

/**
 * A secret generated once into `file` (mode 0600) and read from it ever after. Processes that
 * start together on one fresh DATA_DIR agree on it: each writes its candidate, whole and synced,
 * to a file of its own and links it into place, which only the first link does; every process
 * then reads what is in place. A crash leaves either no secret or a whole one, never a part.
 */
export function generatedOnce(file: string, generate: () => string): string {
  if (!existsSync(file)) {
    const dir = dirname(file);
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
  return readFileSync(file, 'utf8').trim();
}
