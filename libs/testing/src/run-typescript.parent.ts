// A test's stand-in for a test process (run-typescript.int.spec.ts): starts one child that would
// run for ever, prints its pid, and runs until it is killed.
import { join } from 'node:path';
import { runTypeScript } from './run-typescript';

const child = runTypeScript(join(__dirname, 'run-typescript.sleeper.ts'));
child.stdout!.resume();
child.stderr!.resume();
process.stdout.write(`${child.pid}\n`);
setInterval(() => undefined, 60_000);
