import { TestHub } from '../test-hub';
import { tokens } from '../partner-cases/csp.fixtures';

describe('partners: POST /v1/partners and …/helpdesk-agents, end to end', () => {
  let hub: TestHub;
  let t: ReturnType<typeof tokens>;

  async function refused(call: () => Promise<{ status: number; body: any }>) {
    const before = await hub.settledEventCount();
    const response = await call();
    expect((await hub.allEvents()).length).toBe(before);
    return response;
  }

  const register = (token: string | undefined, body: Record<string, unknown>) =>
    hub.call('POST', '/v1/partners', { token, body });
  const body = { partnerId: 'p-1', name: 'Fabrikam', kind: 'direct-provider' };

  beforeAll(async () => {
    hub = await TestHub.start();
    t = tokens(hub);
  });
  afterAll(() => hub.stop());

  it('registers a partner (CSAM), then refuses the same id again (409)', async () => {
    const created = await register(t.csam, body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ partnerId: 'p-1', position: expect.stringMatching(/^\d+$/) });
    const [event] = await hub.events.readStream('partner-p-1');
    expect(event.data).toMatchObject({ partnerId: 'p-1', kind: 'direct-provider' });
    const again = await refused(() => register(t.csam, body));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('partner_already_registered');
  });

  it('answers 400, 401 and 403 and appends nothing', async () => {
    const bad = await refused(() => register(t.csam, { ...body, partnerId: 'p 2', kind: 'x' }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(expect.arrayContaining(['partnerId', 'kind']));
    const unknown = await refused(() => register(t.csam, { ...body, partnerId: 'p-2', x: 1 }));
    expect(unknown.status).toBe(400);
    expect((await refused(() => register(undefined, body))).status).toBe(401);
    const partnerAdmin = t.partner('p-1', ['PartnerAdmin']);
    expect(
      (await refused(() => register(partnerAdmin, { ...body, partnerId: 'p-3' }))).status,
    ).toBe(403);
  });

  it("grants HelpDeskAgent for the partner's own PartnerAdmin only", async () => {
    const grant = (token: string | undefined, partnerId = 'p-1', userId: unknown = 'agent-1') =>
      hub.call('POST', `/v1/partners/${partnerId}/helpdesk-agents`, { token, body: { userId } });
    const granted = await grant(t.partner('p-1', ['PartnerAdmin']));
    expect(granted.status).toBe(201);
    const events = await hub.events.readStream('partner-p-1');
    expect(events.map((e) => e.type)).toEqual(['PartnerRegistered', 'HelpDeskAgentGranted']);
    // Another partner's administrator is outside p-1: 404 (api.md "Errors").
    expect((await refused(() => grant(t.partner('p-9', ['PartnerAdmin'])))).status).toBe(404);
    expect((await refused(() => grant(t.partner('p-1', ['AdminAgent'])))).status).toBe(403);
    expect((await refused(() => grant(undefined))).status).toBe(401);
    expect((await refused(() => grant(t.partner('p-1', ['PartnerAdmin']), 'p-1', ''))).status).toBe(
      400,
    );
    const ghost = await refused(() => grant(t.partner('p-ghost', ['PartnerAdmin']), 'p-ghost'));
    expect(ghost.status).toBe(404);
  });
});
