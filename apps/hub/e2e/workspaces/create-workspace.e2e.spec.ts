import jwt from 'jsonwebtoken';
import { activateAgreement, csamToken } from '../hub.fixtures';
import { TestHub } from '../test-hub';

describe('POST /v1/workspaces (the first slice, end to end)', () => {
  let hub: TestHub;
  let csam: string;
  let agreementId: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    csam = csamToken(hub);
    const activated = await activateAgreement(
      hub,
      { orgId: 'org-contoso', name: 'Contoso' },
      { email: 'sa@contoso.example', name: 'Sam Admin' },
      { type: 'unified', endsOn: '2027-12-31' },
    );
    agreementId = activated.agreementId;
  });

  afterAll(() => hub.stop());

  const body = () => ({
    agreementId,
    name: 'EMEA operations',
    purpose: 'EMEA cases',
    administrator: { email: 'wa@contoso.example', name: 'Wanda Admin' },
  });

  /** Runs a refused call and proves it appended nothing. */
  async function refused(call: () => Promise<{ status: number; body: any }>) {
    const before = await hub.settledEventCount();
    const response = await call();
    expect((await hub.allEvents()).length).toBe(before);
    return response;
  }

  it('creates the workspace: 201 with workspaceId and position, events in its stream', async () => {
    const response = await hub.call('POST', '/v1/workspaces', { token: csam, body: body() });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      workspaceId: expect.any(String),
      position: expect.stringMatching(/^\d+$/),
    });
    const events = await hub.events.readStream(`workspace-${response.body.workspaceId}`);
    expect(events.map((e) => e.type)).toEqual(['WorkspaceCreated', 'MemberInvited']);
    expect(events[0].metadata.actor.userId).toBe('csam-1');
    // The answer's position covers the invitation's id claim, appended after the workspace's events.
    expect(BigInt(response.body.position)).toBeGreaterThan(events[1].position);
  });

  it('answers 400 with field details for a bad field and for an unknown field', async () => {
    const bad = await refused(() =>
      hub.call('POST', '/v1/workspaces', {
        token: csam,
        body: { ...body(), administrator: { email: 'not-an-email', name: '' } },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(Object.keys(bad.body.details)).toEqual(
      expect.arrayContaining(['administrator.email', 'administrator.name']),
    );
    const unknown = await refused(() =>
      hub.call('POST', '/v1/workspaces', { token: csam, body: { ...body(), colour: 'blue' } }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toHaveProperty('colour');
  });

  it('answers 401 without a token, with a token of another algorithm, another secret, or no exp', async () => {
    const none = await refused(() => hub.call('POST', '/v1/workspaces', { body: body() }));
    expect(none.status).toBe(401);
    const claims = { sub: 'csam-1', roles: ['CSAM'] };
    const otherAlgorithm = jwt.sign(claims, hub.config.jwt.secret, {
      algorithm: 'HS512',
      expiresIn: 60,
    });
    const otherSecret = jwt.sign(claims, 'another-secret-another-secret-another', {
      algorithm: 'HS256',
      expiresIn: 60,
    });
    const unsigned = jwt.sign(claims, '', { algorithm: 'none' });
    const noExpiry = jwt.sign(claims, hub.config.jwt.secret, { algorithm: 'HS256' });
    for (const token of [otherAlgorithm, otherSecret, unsigned, noExpiry]) {
      const response = await refused(() =>
        hub.call('POST', '/v1/workspaces', { token, body: body() }),
      );
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthorized');
    }
  });

  it('answers 403 to a caller without the CSAM or AC role', async () => {
    const member = hub.token({
      sub: 'u-1',
      email: 'u1@contoso.example',
      roles: [],
      orgKind: 'customer',
    });
    const response = await refused(() =>
      hub.call('POST', '/v1/workspaces', { token: member, body: body() }),
    );
    expect(response.status).toBe(403);
  });

  it('answers 404 for an agreement that does not exist', async () => {
    const response = await refused(() =>
      hub.call('POST', '/v1/workspaces', {
        token: csam,
        body: { ...body(), agreementId: 'no-such-agreement' },
      }),
    );
    expect(response.status).toBe(404);
  });

  it('honours Idempotency-Key: same body answers the same, another body 409', async () => {
    const headers = { 'idempotency-key': 'create-ws-1' };
    const first = await hub.call('POST', '/v1/workspaces', { token: csam, body: body(), headers });
    const count = await hub.settledEventCount();
    const again = await hub.call('POST', '/v1/workspaces', { token: csam, body: body(), headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await hub.allEvents()).length).toBe(count);
    const reused = await hub.call('POST', '/v1/workspaces', {
      token: csam,
      body: { ...body(), name: 'Other' },
      headers,
    });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect((await hub.allEvents()).length).toBe(count);
  });
});
