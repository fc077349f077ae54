import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyToken } from '@hub/access';
import { tokenCli } from '../../../hub-api/src/token-cli';

const ROOT = resolve(__dirname, '../../../..');
const SECRET = 'token-cli-secret-token-cli-secret-0123';

describe('npm run token (README)', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'hub-token-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints usage on --help instead of crashing', () => {
    const result = tokenCli(['--help'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: npm run --silent token -- --sub');
    const mistaken = tokenCli(['--nope'], { DATA_DIR: dataDir });
    expect(mistaken.code).toBe(2);
    expect(mistaken.stdout).toBe('');
    expect(mistaken.stderr).toContain('usage:');
  });

  it("fills $TOKEN with the README's exact line: only the token, and the hub accepts it", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith('TOKEN=$(npm run'));
    expect(line).toBeDefined();
    const token = execFileSync('bash', ['-c', `set -e; ${line}; printf %s "$TOKEN"`], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, HUB_JWT_SECRET: SECRET },
      encoding: 'utf8',
    });
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const user = verifyToken(token, SECRET, Math.floor(Date.now() / 1000));
    expect(user).toMatchObject({ userId: 'alice', roles: ['CSAM'], orgKind: 'provider' });
  });

  it('answers --help through npm with the usage and exit 0', () => {
    const result = spawnSync('npm', ['run', '--silent', 'token', '--', '--help'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('usage:')).toBe(true);
  });
});
