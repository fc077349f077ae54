import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { TestHub } from '../test-hub';
import { Fixtures } from '../hub.fixtures';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** A request over a real socket: Node's HTTP parser refuses some before Fastify sees them. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A raw request line, for what an HTTP client refuses to send. */
function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function expectHubBody(answer: RawAnswer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ statusCode: status, code, message: expect.any(String) });
}

describe('Framework errors in the hub shape, correlation ids echoed (api.md "Errors")', () => {
  let hub: TestHub;
  let port: number;
  let token: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    await hub.app.listen(0, '127.0.0.1');
    port = (hub.app.getHttpServer().address() as { port: number }).port;
    token = new Fixtures(hub).csam;
  });
  afterAll(() => hub.stop());

  it('answers 431 in the hub shape for headers over the limit (a huge token)', async () => {
    const answer = await send(port, 'GET', '/v1/workspaces', {
      authorization: `Bearer ${'x'.repeat(20_000)}`,
    });
    expectHubBody(answer, 431, 'request_header_fields_too_large');
  });

  it('answers 414 in the hub shape for a path segment over the limit', async () => {
    const answer = await send(port, 'GET', `/v1/cases/${'c'.repeat(600)}`, {
      authorization: `Bearer ${token}`,
    });
    expectHubBody(answer, 414, 'uri_too_long');
  });

  it('answers 400 in the hub shape for a malformed request and a bad URL escape', async () => {
    const malformed = await sendRaw(
      port,
      'GET /v1/workspaces HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
    );
    expect(malformed).toMatch(/^HTTP\/1.1 400/);
    expect(JSON.parse(malformed.split('\r\n\r\n')[1])).toMatchObject({
      statusCode: 400,
      code: 'bad_request',
    });
    const escape = await send(port, 'GET', '/v1/cases/%E0%A4%A', {
      authorization: `Bearer ${token}`,
    });
    expectHubBody(escape, 400, 'bad_request');
  });

  it('answers 413 in the hub shape for a body over the limit', async () => {
    const answer = await send(
      port,
      'POST',
      '/v1/agreements',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      JSON.stringify({ padding: 'x'.repeat(3 * 1024 * 1024) }),
    );
    expectHubBody(answer, 413, 'payload_too_large');
  });

  it('answers 405 with Allow for a method a path does not have, 404 for an unknown path', async () => {
    const wrongMethod = await send(port, 'DELETE', '/v1/workspaces', {
      authorization: `Bearer ${token}`,
    });
    expectHubBody(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.allow).toBe('GET, HEAD, POST');
    const unknown = await send(port, 'GET', '/v1/no-such-route', {
      authorization: `Bearer ${token}`,
    });
    expectHubBody(unknown, 404, 'not_found');
  });

  it('echoes a valid X-Correlation-Id on every answer, and replaces one too long or not ASCII', async () => {
    const given = 'req-2026.12.07_abc:1';
    for (const path of ['/v1/workspaces', '/v1/no-such-route', '/health']) {
      const answer = await send(port, 'GET', path, {
        authorization: `Bearer ${token}`,
        'x-correlation-id': given,
      });
      expect(answer.headers['x-correlation-id']).toBe(given);
    }
    const refused = await send(port, 'DELETE', '/v1/workspaces', { 'x-correlation-id': given });
    expect(refused.headers['x-correlation-id']).toBe(given);
    for (const bad of ['x'.repeat(129), '<script>alert(1)</script> x', 'tab\there']) {
      const answer = await send(port, 'GET', '/v1/workspaces', {
        authorization: `Bearer ${token}`,
        'x-correlation-id': bad,
      });
      const echoed = answer.headers['x-correlation-id'];
      expect(echoed).not.toBe(bad);
      expect(echoed).toMatch(/^[\x21-\x7e]{1,128}$/);
    }
  });

  it('records the accepted correlation id, never a replaced one, in the events', async () => {
    const long = `c${'y'.repeat(200)}`;
    const f = new Fixtures(hub);
    const before = await hub.settledEventCount();
    await hub.call('POST', '/v1/partners', {
      token: f.csam,
      headers: { 'x-correlation-id': long },
      body: { partnerId: 'p-corr', name: 'Corr', kind: 'indirect-provider' },
    });
    const appended = (await hub.allEvents()).slice(before);
    expect(appended.length).toBeGreaterThan(0);
    for (const event of appended) {
      expect(event.metadata.correlationId).not.toBe(long);
      expect(event.metadata.correlationId.length).toBeLessThanOrEqual(128);
    }
  });
});
