import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file, or a directory's entries, to disk: what was written survives a crash. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
