import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './eventually';
import { exited, runTypeScript } from './run-typescript';

/**
 * Runs `racer` (a TypeScript file of this repository that calls `race`) in `processes` node
 * processes at once over the same `cases` in `root`: every racer says it is ready and waits for
 * the word to go, so all of them start within microseconds of each other. Answers each racer's
 * answers, case by case.
 */
export async function raceProcesses(
  racer: string,
  root: string,
  cases: number,
  processes: number,
): Promise<string[][]> {
  const children = Array.from({ length: processes }, () =>
    runTypeScript(racer, [root, String(cases)]),
  );
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
      return JSON.parse(out) as string[];
    }),
  );
}

/**
 * A racer's whole run (argv: `root`, then how many cases): says it is ready in `root`, waits
 * for the go (busy, so every racer starts at once), then prints for each case 0..count-1 what
 * `answer` gives, or `error: <message>`, as the JSON `raceProcesses` reads.
 */
export async function race(
  answer: (root: string, i: number) => string | Promise<string>,
): Promise<void> {
  const [root, count] = [process.argv[2], Number(process.argv[3])];
  writeFileSync(join(root, `ready-${process.pid}`), '');
  while (!existsSync(join(root, 'go')));
  const answers: string[] = [];
  for (let i = 0; i < count; i += 1) {
    try {
      answers.push(await answer(root, i));
    } catch (error) {
      answers.push(`error: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  process.stdout.write(JSON.stringify(answers));
}
