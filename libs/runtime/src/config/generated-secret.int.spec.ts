import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raceProcesses } from '@hub/testing/process-race';
import { generatedOnce } from './generated-secret';

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

  // What broke: a process that died between writing its candidate and removing it left the
  // candidate (a whole secret, mode 0600) beside the secret for good.
  it('removes a candidate a crashed start left behind, and keeps one a start is still using', () => {
    const file = join(root, 'master-key');
    writeFileSync(file, 'the secret\n', { mode: 0o600 });
    const abandoned = join(root, 'master-key.4242-0123456789ab');
    const inUse = join(root, 'master-key.4243-ba9876543210');
    const unrelated = join(root, 'master-key.backup');
    for (const path of [abandoned, inUse, unrelated]) writeFileSync(path, 'x', { mode: 0o600 });
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    for (const path of [abandoned, unrelated]) utimesSync(path, twoMinutesAgo, twoMinutesAgo);

    expect(generatedOnce(file, () => 'another secret')).toBe('the secret');
    expect(readdirSync(root).sort()).toEqual([
      'master-key',
      'master-key.4243-ba9876543210',
      'master-key.backup',
    ]);
    expect(readFileSync(file, 'utf8')).toBe('the secret\n');
  });
});
