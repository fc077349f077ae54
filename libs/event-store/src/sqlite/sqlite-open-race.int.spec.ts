import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raceProcesses } from '@hub/testing/process-race';
import { writeUnchainedLog } from './sqlite-chain.fixtures';

const RACER = join(__dirname, 'sqlite-open.racer.ts');
const PROCESSES = 4;
const FILES = 100;

describe('SQLite files opened by several processes at once, on the real file system', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'hub-sqlite-open-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const race = () => raceProcesses(RACER, root, FILES, PROCESSES);

  // What broke: SQLite refused all but one switch of a new file to WAL with "database is locked"
  // at once, not after its busy timeout, so a process starting beside another could die.
  it('creates each new file once, every process opening it', async () => {
    const answers = (await race()).flat();
    expect(answers.filter((answer) => answer.startsWith('error'))).toEqual([]);
    expect(new Set(answers)).toEqual(new Set(['verified true, 0 checked']));
  }, 120_000);

  // What broke: two processes both saw an unchained log and both added its hash column
  // ("duplicate column name: hash").
  it('chains a log from before the chain once, every process opening it', async () => {
    for (let i = 0; i < FILES; i += 1) writeUnchainedLog(join(root, `events-${i}.sqlite`));
    const answers = (await race()).flat();
    expect(answers.filter((answer) => answer.startsWith('error'))).toEqual([]);
    expect(new Set(answers)).toEqual(new Set(['verified true, 5 checked']));
  }, 120_000);
});
