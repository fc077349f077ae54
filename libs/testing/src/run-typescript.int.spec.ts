import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './eventually';
import { exited, runTypeScript } from './run-typescript';

/** Whether `pid` is a live process (a zombie awaiting its reaper counts as gone). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('runTypeScript, on real processes', () => {
  // What broke: a test run whose processes outlived it never ended (CI ran out of time).
  it('starts children that exit when the process that started them is killed', async () => {
    const parent = runTypeScript(join(__dirname, 'run-typescript.parent.ts'));
    let out = '';
    parent.stdout!.on('data', (chunk) => (out += chunk));
    const pid = await eventually(() => Number(out.trim()) || undefined, 60_000, 'the child pid');
    expect(alive(pid)).toBe(true);

    parent.kill('SIGKILL');
    await exited(parent);
    await eventually(() => !alive(pid), 10_000, 'the orphaned child to exit');
  }, 90_000);
});
