// `npm test`: starts the local engines (infra/local/up.sh, idempotent), then runs jest twice —
// unit and e2e specs in parallel workers, integration specs one at a time (some of them stop
// and restart the shared Kafka broker) — and closes with one plain summary line.
// Extra arguments go to both jest runs (e.g. `npm test -- libs/domain`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const up = spawnSync('bash', ['infra/local/up.sh'], { stdio: 'inherit' });
if (up.status !== 0) {
  console.error('could not start the local engines (infra/local/up.sh)');
  process.exit(up.status ?? 1);
}

const outDir = mkdtempSync(join(tmpdir(), 'hub-jest-'));
const runs = [
  { name: 'unit+e2e', jest: ['--selectProjects', 'unit', 'e2e', '--maxWorkers=2'] },
  { name: 'int', jest: ['--selectProjects', 'int', '--runInBand'] },
];
// A run that outlives its tests (a handle left open) is ended by --forceExit, which names the
// leak; the processes tests start die with it (libs/testing/src/die-with-parent.js). A run that
// hangs before its end is killed after RUN_LIMIT_MS and counted as failed.
const RUN_LIMIT_MS = 30 * 60_000;
let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;
for (const run of runs) {
  const out = join(outDir, `${run.name}.json`);
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/jest/bin/jest.js',
      ...run.jest,
      '--json',
      `--outputFile=${out}`,
      '--passWithNoTests',
      '--forceExit',
      ...args,
    ],
    { stdio: 'inherit', timeout: RUN_LIMIT_MS, killSignal: 'SIGKILL' },
  );
  if (result.error) console.error(`jest (${run.name}) did not end: ${result.error.message}`);
  if (result.status !== 0) exitCode = result.status ?? 1;
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
