import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The require hook that lets a plain `node` child run this repository's TypeScript. */
export const TS_REGISTER = join(__dirname, 'swc-register.js');

/** Makes the child exit when the process that started it is gone (see the file). */
const DIE_WITH_PARENT = join(__dirname, 'die-with-parent.js');

/** The children started here that have not exited yet. */
const running = new Set<ChildProcess>();

/**
 * Starts a child `node` process running a TypeScript file of this repository (no build step),
 * with this process's environment plus `env`. The child exits when this process is gone, so a
 * test run that ends or is cut short never leaves it running.
 */
export function runTypeScript(
  file: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): ChildProcess {
  const child = spawn(process.execPath, ['-r', DIE_WITH_PARENT, '-r', TS_REGISTER, file, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, ...env },
  });
  child.channel?.unref();
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** How many children started here are still running. */
export function runningChildren(): number {
  return running.size;
}

/** Resolves with the exit code (or the signal's name) when the child ends. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
}
