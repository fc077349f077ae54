import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './eventually';
import { exited, runTypeScript } from './run-typescript';

/**
 * Runs `racer` (a TypeScript file of this repository) in `processes` node processes at once,
 * each with `[root, ...args]`: every racer says it is ready in `root` and waits for the word to
 * go (`readyToRace`), so all of them start within microseconds of each other. Answers what each
 * printed, parsed as JSON.
 */
export async function raceProcesses<T>(
  racer: string,
  root: string,
  args: readonly string[],
  processes: number,
): Promise<T[]> {
  const children = Array.from({ length: processes }, () => runTypeScript(racer, [root, ...args]));
  const ready = () => readdirSync(root).filter((name) => name.startsWith('ready-')).length;
  await eventually(() => ready() === processes, 60_000, 'every racer to be ready');
  writeFileSync(join(root, 'go'), '');
  return Promise.all(
    children.map(async (child) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (chunk) => (out += chunk));
      child.stderr!.on('data', (chunk) => (err += chunk));
      const code = await exited(child);
      if (code !== 0) throw new Error(`racer exited ${code}: ${err}`);
      return JSON.parse(out) as T;
    }),
  );
}

/** A racer's side: says it is ready in `root`, then waits (busy, to start at once) for the go. */
export function readyToRace(root: string): void {
  writeFileSync(join(root, `ready-${process.pid}`), '');
  while (!existsSync(join(root, 'go')));
}
