// `npm test`: starts the local engines (infra/local/up.sh, idempotent), then runs jest twice —
// unit and e2e specs in parallel workers, integration specs one at a time (some of them stop
// and restart the shared Kafka broker) — and closes with one plain summary line.
// Extra arguments go to both jest runs (e.g. `npm test -- libs/domain`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { join } from 'node:path';

/** A jest run that has not ended after this long is killed, and counted as failed. */
const RUN_LIMIT_MS = 30 * 60_000;
/**
 * How long jest may take to exit once its results are written. Longer means a test left a
 * handle open (jest names it: "did not exit one second after…"); the run is ended then, with a
 * warning, and its results stand. The processes tests start die with it (die-with-parent.js).
 */
const EXIT_GRACE_MS = 15_000;

const args = process.argv.slice(2);
const up = spawnSync('bash', ['infra/local/up.sh'], { stdio: 'inherit' });
if (up.status !== 0) {
  console.error('could not start the local engines (infra/local/up.sh)');
  process.exit(up.status ?? 1);
}

/** Runs jest to its end, bounded as above; answers its exit code (1 when it had to be killed). */
function runJest(name, jestArgs, resultsFile) {
  const child = spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...jestArgs], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    let endedAt = null;
    const kill = (why) => {
      console.error(`\nnpm test: jest (${name}) ${why}; ended here`);
      child.kill('SIGKILL');
    };
    const limit = setTimeout(() => kill(`ran over ${RUN_LIMIT_MS / 60_000} minutes`), RUN_LIMIT_MS);
    const watch = setInterval(() => {
      if (endedAt === null && existsSync(resultsFile)) endedAt = Date.now();
      if (endedAt !== null && Date.now() - endedAt > EXIT_GRACE_MS) {
        clearInterval(watch);
        kill(
          `did not exit ${EXIT_GRACE_MS / 1000} s after writing its results (a handle left open)`,
        );
      }
    }, 500);
    child.once('exit', (code) => {
      clearTimeout(limit);
      clearInterval(watch);
      // Killed (no code): its results stand when it wrote them.
      resolve(code ?? (existsSync(resultsFile) ? 0 : 1));
    });
  });
}

const outDir = mkdtempSync(join(tmpdir(), 'hub-jest-'));
const runs = [
  { name: 'unit+e2e', jest: ['--selectProjects', 'unit', 'e2e', '--maxWorkers=2'] },
  { name: 'int', jest: ['--selectProjects', 'int', '--runInBand'] },
];
let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;
for (const run of runs) {
  const out = join(outDir, `${run.name}.json`);
  const jestArgs = [...run.jest, '--json', `--outputFile=${out}`, '--passWithNoTests', ...args];
  const status = await runJest(run.name, jestArgs, out);
  if (status !== 0) exitCode = status;
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    failed += 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exitCode !== 0 ? exitCode : failed > 0 ? 1 : 0);
