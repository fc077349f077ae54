import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const register = join(__dirname, '../../../../libs/testing/src/swc-register.js');

/** Starts a child `node` process running a TypeScript file of this repository (no build step). */
export function runTypeScript(file: string, args: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, ['-r', register, file, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
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
