import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The require hook that lets a plain `node` child run this repository's TypeScript. */
export const TS_REGISTER = join(__dirname, 'swc-register.js');

/**
 * Starts a child `node` process running a TypeScript file of this repository (no build step),
 * with this process's environment plus `env`.
 */
export function runTypeScript(
  file: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, ['-r', TS_REGISTER, file, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

/** Resolves with the exit code (or the signal's name) when the child ends. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
}
