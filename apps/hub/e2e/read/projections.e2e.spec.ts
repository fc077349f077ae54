import { activateAgreement, csamToken } from '../hub.fixtures';
import { TestHub } from '../test-hub';
import { accessProjection } from '@hub/projections/access/access.projection';

describe('GET /v1/projections and POST /v1/projections/{name}/rebuild', () => {
  let hub: TestHub;
  let operator: string;

  beforeAll(async () => {
    hub = await TestHub.start();
    operator = hub.token({ sub: 'ops-1', roles: ['Operator'], orgKind: 'provider' });
    const activated = await activateAgreement(
      hub,
      { orgId: 'org-p', name: 'P' },
      { email: 'sa@p.example', name: 'Sa' },
    );
    // Caught up: the access projection has applied the activation's events.
    const mine = await hub.call('GET', `/v1/workspaces?minPosition=${activated.position}`, {
      token: csamToken(hub),
    });
    expect(mine.status).toBe(200);
  });

  afterAll(() => hub.stop());

  it('shows each projection with its checkpoint, the head and the lag', async () => {
    // The activation's reactions may still be appending: the head answered lies between the
    // head before the call and the head after it.
    const headBefore = BigInt((await hub.events.headPosition()) ?? 0n);
    const answer = await hub.call('GET', '/v1/projections', { token: operator });
    const headAfter = BigInt((await hub.events.headPosition()) ?? 0n);
    expect(answer.status).toBe(200);
    const names = answer.body.projections.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'access',
        'customer-activity',
        'addon-balances',
        'cases',
        'extra-cases',
        'helpdesk',
      ]),
    );
    const access = answer.body.projections.find((p: { name: string }) => p.name === 'access');
    expect(access).toMatchObject({ version: accessProjection.version });
    expect(BigInt(access.head)).toBeGreaterThanOrEqual(headBefore);
    expect(BigInt(access.head)).toBeLessThanOrEqual(headAfter);
    expect(BigInt(access.checkpoint)).toBeLessThanOrEqual(BigInt(access.head));
    expect(access.lag).toBeGreaterThanOrEqual(0);
  });

  it('keeps projection internals from customers (403) and anonymous callers (401)', async () => {
    const member = hub.token({ sub: 'u-1', email: 'u1@p.example', roles: [] });
    expect((await hub.call('GET', '/v1/projections', { token: member })).status).toBe(403);
    expect((await hub.call('GET', '/v1/projections')).status).toBe(401);
  });

  it('rebuilds beside the live build for an Operator, and queries keep answering', async () => {
    const refused = await hub.call('POST', '/v1/projections/access/rebuild', {
      token: hub.token({ sub: 'a-1', roles: ['Auditor'], orgKind: 'provider' }),
    });
    expect(refused.status).toBe(403);
    expect(
      (await hub.call('POST', '/v1/projections/nope/rebuild', { token: operator })).status,
    ).toBe(404);

    const started = await hub.call('POST', '/v1/projections/access/rebuild', { token: operator });
    expect(started.status).toBe(202);
    expect(started.body.name).toBe('access');
    // The rebuilt generation takes over once caught up; poll with a deadline.
    const deadline = Date.now() + 20_000;
    let generation = 0;
    while (generation < 1 && Date.now() < deadline) {
      const status = await hub.call('GET', '/v1/projections', { token: operator });
      generation = status.body.projections.find(
        (p: { name: string }) => p.name === 'access',
      ).generation;
      if (generation < 1) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(generation).toBe(1);
    expect((await hub.call('GET', '/v1/workspaces', { token: csamToken(hub) })).status).toBe(200);
  });
});
