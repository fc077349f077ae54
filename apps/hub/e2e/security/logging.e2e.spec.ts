import { READ_YOUR_WRITES_TIMEOUT_MS } from '@hub/projection/query/read-models';
import { PassThrough } from 'node:stream';
import { TestHub } from '../test-hub';
import { Fixtures } from '../hub.fixtures';

/** The hub's log, as JSON lines, while a spec runs requests against it. */
function captureLog() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return {
    stream,
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, any>),
  };
}

describe('What the hub logs (api.md "Correlation")', () => {
  const log = captureLog();
  let hub: TestHub;
  let f: Fixtures;

  beforeAll(async () => {
    hub = await TestHub.start({ LOG_LEVEL: 'info' }, { logStream: log.stream });
    f = new Fixtures(hub);
  });
  afterAll(() => hub.stop());

  it('logs no bearer token and no cookie, on answered, refused and failed requests', async () => {
    const agreement = await f.customer();
    const tokens = [f.csam, f.service, hub.token({ sub: 'x', roles: ['Bogus'] }), 'not.a.token'];
    for (const token of tokens) {
      await hub.call('GET', '/v1/workspaces', { token, headers: { cookie: 'session=s3cr3t' } });
      await hub.call('POST', '/v1/agreements', { token, body: { type: 'nope' } });
      await hub.call('GET', `/v1/cases/${agreement.defaultWorkspaceId}`, { token });
    }
    const text = log.text();
    expect(log.lines().length).toBeGreaterThan(tokens.length * 3);
    for (const token of tokens) expect(text).not.toContain(token);
    // Any JWT at all (three base64url parts, the first a JSON header) would be a leak.
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('[redacted]');
  });

  it('answers a minPosition far ahead 503 at once, logged as a warning without a stack', async () => {
    const before = log.lines().length;
    const started = Date.now();
    const answer = await hub.call('GET', '/v1/workspaces?minPosition=99999999999', {
      token: f.csam,
    });
    expect(answer.status).toBe(503);
    // Beyond the log's head: answered at once, not after the read-your-writes timeout.
    expect(Date.now() - started).toBeLessThan(READ_YOUR_WRITES_TIMEOUT_MS);
    expect(answer.body.code).toBe('projection_lagging');
    const lines = log.lines().slice(before);
    const lagging = lines.filter((line) => JSON.stringify(line).includes('projection_lagging'));
    expect(lagging.length).toBeGreaterThan(0);
    for (const line of lagging) {
      expect(line.level).toBe(40);
      expect(JSON.stringify(line)).not.toMatch(/\s+at .*\(.*:\d+:\d+\)/);
    }
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
