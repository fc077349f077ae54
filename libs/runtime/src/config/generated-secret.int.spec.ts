import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raceProcesses } from '@hub/testing/process-race';

const RACER = join(__dirname, 'generated-secret.racer.ts');
const PROCESSES = 4;
const DIRECTORIES = 200;

/** Runs the racer in `PROCESSES` node processes at once over the same fresh directories. */
const race = (root: string) => raceProcesses(RACER, root, DIRECTORIES, PROCESSES);

describe('the generated JWT secret and master key, on the real file system', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'hub-secrets-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  // What broke: two processes starting at once on a fresh DATA_DIR; one died of EEXIST on
  // master-key, and they could each keep a JWT secret of their own.
  it('is one secret for processes that start together on a fresh DATA_DIR, none of them failing', async () => {
    const answers = await race(root);
    const failures = answers.flat().filter((answer) => answer.startsWith('error'));
    expect(failures).toEqual([]);
    for (let i = 0; i < DIRECTORIES; i += 1) {
      expect(new Set(answers.map((seen) => seen[i])).size).toBe(1);
    }
  }, 120_000);

  it('leaves only the two secrets, readable by their owner alone', async () => {
    await race(root);
    for (let i = 0; i < DIRECTORIES; i += 1) {
      const dir = join(root, `d${i}`);
      expect(readdirSync(dir).sort()).toEqual(['jwt-secret', 'master-key']);
      for (const file of ['jwt-secret', 'master-key'])
        expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    }
  }, 120_000);
});
