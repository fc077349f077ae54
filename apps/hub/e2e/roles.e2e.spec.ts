import { TestHub } from './test-hub';

// api.md "Processes": a process runs what HUB_ROLES names and nothing else.
describe('HUB_ROLES', () => {
  it('serves only /health, /health/live, /health/ready and /metrics in a process without api', async () => {
    const hub = await TestHub.start({ HUB_ROLES: 'projector' });
    try {
      const token = hub.token({
        sub: 'op-1',
        email: 'op@example.com',
        roles: ['Operator'],
        orgKind: 'provider',
      });
      for (const url of ['/v1/projections', '/v1/agreements', '/docs-json'])
        expect((await hub.call('GET', url, { token })).status).toBe(404);
      expect((await hub.call('POST', '/v1/agreements', { token, body: {} })).status).toBe(404);
      expect((await hub.call('GET', '/health')).status).toBe(200);
      expect((await hub.call('GET', '/health/live')).status).toBe(200);
      expect((await hub.call('GET', '/health/ready')).status).toBe(200);
      expect(String((await hub.call('GET', '/metrics')).body)).toContain(
        'hub_projection_lag_events',
      );
    } finally {
      await hub.stop();
    }
  });

  it('serves the routes of api.md with the api role', async () => {
    const hub = await TestHub.start({ HUB_ROLES: 'api' });
    try {
      const token = hub.token({
        sub: 'op-1',
        email: 'op@example.com',
        roles: ['Operator'],
        orgKind: 'provider',
      });
      expect((await hub.call('GET', '/v1/projections', { token })).status).toBe(200);
      expect((await hub.call('GET', '/health/live')).status).toBe(200);
    } finally {
      await hub.stop();
    }
  });
});
