import { TestHub } from '../test-hub';
import { CUSTOMER, customerWithAdministrator, registerPartner, tokens } from './csp.fixtures';

const PARTNER = 'p-provider';
const OTHER = 'p-other';

/**
 * What a partner sees (domain.md §6), through HTTP: the cases it filed, its GDAP relationships,
 * and nothing else of the customer's.
 */
describe('what a partner sees (e2e)', () => {
  let hub: TestHub;
  let t: ReturnType<typeof tokens>;
  let relationshipId: string;
  let caseId: string;
  let last = '0';

  const agent = () => t.partner(PARTNER, ['AdminAgent'], 'agent-1');
  const get = (url: string, token: string) =>
    hub.call('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, { token });
  async function ok(method: 'POST', url: string, token: string, body?: object) {
    const answer = await hub.call(method, url, { token, body });
    expect(answer.status).toBeLessThan(300);
    if (answer.body.position) last = answer.body.position;
    return answer.body;
  }

  beforeAll(async () => {
    hub = await TestHub.start();
    t = tokens(hub);
    await customerWithAdministrator(hub);
    await registerPartner(hub, PARTNER, 'indirect-provider');
    await registerPartner(hub, OTHER, 'indirect-provider');
    await ok('POST', `/v1/customers/${CUSTOMER}/subscriptions`, t.service, {
      subscriptionId: 'sub-azure',
      product: 'azure',
      billing: 'paid',
      providerPartnerId: PARTNER,
    });
    await ok(
      'POST',
      `/v1/customers/${CUSTOMER}/subscriptions/sub-azure/partner-access`,
      t.customerAdmin,
      {
        partnerId: PARTNER,
      },
    );
    relationshipId = (
      await ok('POST', '/v1/gdap-relationships', t.partner(PARTNER, ['PartnerAdmin']), {
        partnerId: PARTNER,
        customerOrgId: CUSTOMER,
        roles: ['ServiceSupportAdministrator'],
        durationDays: 30,
        autoExtend: true,
      })
    ).relationshipId;
    await ok('POST', `/v1/gdap-relationships/${relationshipId}/approve`, t.customerAdmin);
    caseId = (
      await ok('POST', `/v1/partners/${PARTNER}/cases`, agent(), {
        customerOrgId: CUSTOMER,
        subscriptionId: 'sub-azure',
        workload: 'azure',
        severity: 'B',
        type: 'problem-resolution',
        title: 'VMs unreachable',
        partnerContact: { name: 'Pat', email: 'pat@provider.example', phone: '+1 555 0100' },
      })
    ).caseId;
  });

  afterAll(() => hub.stop());

  it('the filing partner lists the cases it filed, with status and SLA fields', async () => {
    const answer = await get(`/v1/partners/${PARTNER}/cases`, agent());
    expect(answer.status).toBe(200);
    expect(answer.body.cases).toEqual([
      expect.objectContaining({
        caseId,
        status: 'open',
        initialResponseDueAt: expect.any(String),
        everBreached: false,
        supportPlan: 'cloud-solution-provider',
      }),
    ]);
  });

  it("the filing partner's AdminAgent reads the case detail; another partner gets 404", async () => {
    expect((await get(`/v1/cases/${caseId}`, agent())).status).toBe(200);
    const other = t.partner(OTHER, ['AdminAgent'], 'agent-9');
    expect((await get(`/v1/cases/${caseId}`, other)).status).toBe(404);
    expect((await get(`/v1/partners/${PARTNER}/cases`, other)).status).toBe(404);
    // PartnerAdmin without AdminAgent: not a filing agent.
    const admin = t.partner(PARTNER, ['PartnerAdmin'], 'admin-1');
    expect((await get(`/v1/cases/${caseId}`, admin)).status).toBe(404);
  });

  it('lists GDAP relationships to each side, with status, roles, end and autoExtend', async () => {
    const expected = expect.objectContaining({
      relationshipId,
      partnerId: PARTNER,
      customerOrgId: CUSTOMER,
      roles: ['ServiceSupportAdministrator'],
      status: 'active',
      autoExtend: true,
      endsAt: expect.any(String),
    });
    const partnerSide = await get('/v1/gdap-relationships', t.partner(PARTNER, ['PartnerAdmin']));
    expect(partnerSide.status).toBe(200);
    expect(partnerSide.body.relationships).toEqual([expected]);
    const customerSide = await get(
      `/v1/gdap-relationships?customerOrgId=${CUSTOMER}`,
      t.customerAdmin,
    );
    expect(customerSide.body.relationships).toEqual([expected]);
    const other = t.partner(OTHER, ['PartnerAdmin'], 'admin-9');
    expect((await get(`/v1/gdap-relationships?partnerId=${PARTNER}`, other)).status).toBe(404);
    expect((await get('/v1/gdap-relationships', other)).body.relationships).toEqual([]);
    const plainUser = await get(`/v1/gdap-relationships?customerOrgId=${CUSTOMER}`, t.customerUser);
    expect(plainUser.status).toBe(404);
  });

  it("reports service health to the customer's administrators and to a partner under active GDAP", async () => {
    await ok('POST', '/v1/directory/events', t.service, {
      messages: [
        {
          messageId: 'incident-msg-1',
          type: 'ServiceIncidentReported',
          schemaVersion: 1,
          occurredAt: '2026-03-02T10:00:00Z',
          source: 'service-health',
          payload: {
            incidentId: 'inc-1',
            orgId: CUSTOMER,
            workload: 'exchange-online',
            status: 'service-degradation',
            title: 'Mail delayed',
            startedAt: '2026-03-02T09:00:00Z',
          },
        },
      ],
    });
    const events = await hub.events.readStream('incident-inc-1');
    last = events[0].position.toString();
    const incident = {
      incidentId: 'inc-1',
      workload: 'exchange-online',
      status: 'service-degradation',
      title: 'Mail delayed',
      startedAt: '2026-03-02T09:00:00Z',
      endedAt: null,
    };
    for (const token of [t.customerAdmin, agent()]) {
      const answer = await get(`/v1/customers/${CUSTOMER}/service-health`, token);
      expect(answer.status).toBe(200);
      expect(answer.body.incidents).toEqual([incident]);
    }
    const other = t.partner(OTHER, ['AdminAgent'], 'agent-9');
    expect((await get(`/v1/customers/${CUSTOMER}/service-health`, other)).status).toBe(404);
    // Once the relationship ends, the partner sees nothing.
    await ok('POST', `/v1/gdap-relationships/${relationshipId}/terminate`, t.customerAdmin);
    expect((await get(`/v1/customers/${CUSTOMER}/service-health`, agent())).status).toBe(404);
  });

  it("a partner's case about its own subscription needs a support plan and lives in its own record", async () => {
    await ok('POST', `/v1/customers/${PARTNER}/subscriptions`, t.service, {
      subscriptionId: 'sub-own',
      product: 'azure',
      billing: 'paid',
      providerPartnerId: PARTNER,
    });
    const body = {
      subscriptionId: 'sub-own',
      workload: 'azure',
      severity: 'C',
      type: 'problem-resolution',
      title: 'Our own tenant',
      partnerContact: { name: 'Pat', email: 'pat@provider.example', phone: '+1 555 0100' },
    };
    const head = async () => (await hub.allEvents()).at(-1)?.position;
    const before = await head();
    const refused = await hub.call('POST', `/v1/partners/${PARTNER}/cases`, {
      token: agent(),
      body,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('support_plan_required');
    expect(await head()).toBe(before);
    const own = await ok('POST', `/v1/partners/${PARTNER}/cases`, agent(), {
      ...body,
      supportPlan: { kind: 'premier', id: 'PREMIER-20250001' },
    });
    // In the partner's own record: no customer workspace, no customer, in the event and answers.
    const [opened] = await hub.events.readStream(`case-${own.caseId}`, { maxCount: 1 });
    expect(opened.data).not.toHaveProperty('workspaceId');
    expect(opened.data.onBehalfOf).not.toHaveProperty('customerOrgId');
    const expected = expect.objectContaining({
      caseId: own.caseId,
      workspaceId: null,
      supportPlan: 'PREMIER-20250001',
      onBehalfOf: expect.objectContaining({ partnerId: PARTNER, customerOrgId: null }),
    });
    const listed = await get(`/v1/partners/${PARTNER}/cases`, agent());
    expect(listed.body.cases).toContainEqual(expected);
    const detail = await get(`/v1/cases/${own.caseId}`, agent());
    expect(detail.status).toBe(200);
    expect(detail.body).toEqual(expected);
    expect(JSON.stringify([listed.body, detail.body])).not.toContain('partner-record');
    expect((await get(`/v1/cases/${own.caseId}`, t.customerAdmin)).status).toBe(404);
    const otherAgent = t.partner(OTHER, ['AdminAgent'], 'agent-2');
    expect((await get(`/v1/cases/${own.caseId}`, otherAgent)).status).toBe(404);
  });
});
