import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningChildren } from '@hub/testing/run-typescript';
import { HubProcess } from './hub-process';

describe('HubProcess.startAll', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'hub-start-all-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  // What broke: when one process of a group failed to start, the others went on running, and
  // the test run never exited (CI ran out of time).
  it('stops the processes that started when another of the group fails, and names the failure', async () => {
    const before = runningChildren();
    await expect(
      HubProcess.startAll([
        { name: 'good', env: { HUB_ROLES: 'api', DATA_DIR: dataDir } },
        { name: 'bad', env: { HUB_ROLES: 'no-such-role', DATA_DIR: dataDir } },
      ]),
    ).rejects.toThrow(/bad exited: .*HUB_ROLES lists unknown role "no-such-role"/);
    expect(runningChildren()).toBe(before);
  }, 180_000);
});
