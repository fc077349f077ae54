import { TestHub } from '../test-hub';
import { CUSTOMER, customerWithAdministrator, registerPartner, tokens } from './csp.fixtures';

const PROVIDER = 'p-provider';
const RESELLER = 'p-reseller';

describe('a partner files cases on behalf of a customer (domain.md §6), end to end', () => {
  let hub: TestHub;
  let t: ReturnType<typeof tokens>;
  let workspaceId: string;
  let relationshipId: string;

  const caseBody = (overrides: Record<string, unknown> = {}) => ({
    customerOrgId: CUSTOMER,
    subscriptionId: 'sub-azure',
    workload: 'azure',
    severity: 'B',
    type: 'problem-resolution',
    title: 'VMs unreachable',
    partnerContact: { name: 'Pat Partner', email: 'pat@provider.example', phone: '+1 555 0100' },
    ...overrides,
  });

  async function refused(call: () => Promise<{ status: number; body: any }>) {
    const before = await hub.settledEventCount();
    const response = await call();
    expect((await hub.allEvents()).length).toBe(before);
    return response;
  }

  const fileCase = (partnerId: string, token: string, body = caseBody()) =>
    hub.call('POST', `/v1/partners/${partnerId}/cases`, { token, body });

  beforeAll(async () => {
    hub = await TestHub.start();
    t = tokens(hub);
    workspaceId = await customerWithAdministrator(hub);
    await registerPartner(hub, PROVIDER, 'indirect-provider');
    await registerPartner(hub, RESELLER, 'indirect-reseller');
    for (const subscription of [
      { subscriptionId: 'sub-azure', product: 'azure', billing: 'paid' },
      {
        subscriptionId: 'sub-market',
        product: 'marketplace',
        billing: 'paid',
        isvContact: { url: 'https://isv.example/support', email: 'help@isv.example' },
      },
    ]) {
      const registered = await hub.call('POST', `/v1/customers/${CUSTOMER}/subscriptions`, {
        token: t.service,
        body: { ...subscription, providerPartnerId: PROVIDER },
      });
      expect(registered.status).toBe(201);
    }
    const access = await hub.call(
      'POST',
      `/v1/customers/${CUSTOMER}/subscriptions/sub-azure/partner-access`,
      { token: t.customerAdmin, body: { partnerId: PROVIDER } },
    );
    expect(access.status).toBe(201);
  });

  afterAll(() => hub.stop());

  it('requests GDAP with ServiceSupportAdministrator for 30 days; the customer approves', async () => {
    const requested = await hub.call('POST', '/v1/gdap-relationships', {
      token: t.partner(PROVIDER, ['PartnerAdmin']),
      body: {
        partnerId: PROVIDER,
        customerOrgId: CUSTOMER,
        roles: ['ServiceSupportAdministrator'],
        durationDays: 30,
      },
    });
    expect(requested.status).toBe(201);
    relationshipId = requested.body.relationshipId;
    const approved = await hub.call('POST', `/v1/gdap-relationships/${relationshipId}/approve`, {
      token: t.customerAdmin,
    });
    expect(approved.status).toBe(200);
    const history = await hub.events.readStream(`gdap-${relationshipId}`);
    expect(history.map((e) => e.type)).toEqual([
      'GdapRelationshipRequested',
      'GdapRelationshipApproved',
    ]);
    const { approvedAt, endsAt } = history[1].data as { approvedAt: string; endsAt: string };
    expect(Date.parse(endsAt) - Date.parse(approvedAt)).toBe(30 * 24 * 3600 * 1000);
  });

  it("files a severity B Azure case in the customer's default workspace with the partner's contact", async () => {
    const before = Date.now();
    const opened = await fileCase(PROVIDER, t.partner(PROVIDER, ['AdminAgent'], 'agent-1'));
    expect(opened.status).toBe(201);
    const [event] = await hub.events.readStream(`case-${opened.body.caseId}`);
    const data = event.data as Record<string, any>;
    expect(data.workspaceId).toBe(workspaceId);
    expect(Date.parse(opened.body.initialResponseDueAt) - Date.parse(data.openedAt)).toBe(
      4 * 3600 * 1000,
    );
    expect(Date.parse(data.openedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(data.onBehalfOf).toEqual({
      partnerId: PROVIDER,
      customerOrgId: CUSTOMER,
      partnerContact: caseBody().partnerContact,
      supportPlan: 'cloud-solution-provider',
    });
    expect(event.metadata.actor).toMatchObject({ userId: 'agent-1', partnerId: PROVIDER });
  });

  it('refuses an indirect reseller on the same subscription (not_subscription_provider)', async () => {
    const requested = await hub.call('POST', '/v1/gdap-relationships', {
      token: t.partner(RESELLER, ['PartnerAdmin']),
      body: {
        partnerId: RESELLER,
        customerOrgId: CUSTOMER,
        roles: ['ServiceSupportAdministrator'],
        durationDays: 30,
      },
    });
    await hub.call('POST', `/v1/gdap-relationships/${requested.body.relationshipId}/approve`, {
      token: t.customerAdmin,
    });
    const response = await refused(() => fileCase(RESELLER, t.partner(RESELLER, ['AdminAgent'])));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('not_subscription_provider');
  });

  it('refuses a marketplace product with the publisher contact (marketplace_product)', async () => {
    const response = await refused(() =>
      fileCase(
        PROVIDER,
        t.partner(PROVIDER, ['AdminAgent']),
        caseBody({ workload: 'marketplace', subscriptionId: 'sub-market' }),
      ),
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('marketplace_product');
    expect(response.body.details).toEqual({
      isvContact: { url: 'https://isv.example/support', email: 'help@isv.example' },
    });
  });

  it('refuses after the relationship is terminated (gdap_relationship_inactive)', async () => {
    const terminated = await hub.call(
      'POST',
      `/v1/gdap-relationships/${relationshipId}/terminate`,
      { token: t.partner(PROVIDER, ['PartnerAdmin']) },
    );
    expect(terminated.status).toBe(200);
    const response = await refused(() => fileCase(PROVIDER, t.partner(PROVIDER, ['AdminAgent'])));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('gdap_relationship_inactive');
  });

  it('answers 400 for a bad or unknown field, 401 without a token, 403 without AdminAgent', async () => {
    const agent = t.partner(PROVIDER, ['AdminAgent']);
    const bad = await refused(() =>
      fileCase(PROVIDER, agent, caseBody({ severity: 'Z', partnerContact: { name: 'x' } })),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(
      expect.arrayContaining(['severity', 'partnerContact.email', 'partnerContact.phone']),
    );
    const unknown = await refused(() => fileCase(PROVIDER, agent, caseBody({ colour: 'blue' })));
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toHaveProperty('colour');
    const anonymous = await refused(() =>
      hub.call('POST', `/v1/partners/${PROVIDER}/cases`, { body: caseBody() }),
    );
    expect(anonymous.status).toBe(401);
    const admin = await refused(() => fileCase(PROVIDER, t.partner(PROVIDER, ['PartnerAdmin'])));
    expect(admin.status).toBe(403);
    const otherPartner = await refused(() =>
      fileCase(PROVIDER, t.partner(RESELLER, ['AdminAgent'])),
    );
    expect(otherPartner.status).toBe(404);
    expect(otherPartner.body.code).toBe('not_found');
  });

  it('answers 404 for an unknown partner', async () => {
    const response = await refused(() => fileCase('p-ghost', t.partner('p-ghost', ['AdminAgent'])));
    expect(response.status).toBe(404);
  });
});
