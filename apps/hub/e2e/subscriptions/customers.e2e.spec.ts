import { startedHub } from '../started-hub';
import { CUSTOMER, customerWithAdministrator, tokens } from '../partner-cases/csp.fixtures';

describe('customer subscriptions, partner access and read-only consent, end to end', () => {
  const { hub } = startedHub();
  let t: ReturnType<typeof tokens>;

  async function refused(call: () => Promise<{ status: number; body: any }>) {
    const before = await hub.settledEventCount();
    const response = await call();
    expect((await hub.allEvents()).length).toBe(before);
    return response;
  }

  const subscription = {
    subscriptionId: 'sub-1',
    product: 'azure',
    billing: 'trial',
    providerPartnerId: 'p-1',
  };
  const register = (token: string | undefined, body: Record<string, unknown>, org = CUSTOMER) =>
    hub.call('POST', `/v1/customers/${org}/subscriptions`, { token, body });
  const grant = (
    token: string | undefined,
    subscriptionId = 'sub-1',
    body: object = { partnerId: 'p-1' },
  ) =>
    hub.call('POST', `/v1/customers/${CUSTOMER}/subscriptions/${subscriptionId}/partner-access`, {
      token,
      body,
    });

  beforeAll(async () => {
    t = tokens(hub);
    await customerWithAdministrator(hub);
  });

  it('records a subscription (Service); the same again appends nothing; other terms are refused', async () => {
    expect((await register(t.service, subscription)).status).toBe(201);
    expect((await refused(() => register(t.service, subscription))).status).toBe(201);
    const conflict = await refused(() => register(t.service, { ...subscription, billing: 'paid' }));
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('subscription_conflict');
  });

  it('answers 400, 401 and 403 for subscriptions', async () => {
    const bad = await refused(() => register(t.service, { ...subscription, product: 'xbox' }));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toHaveProperty('product');
    const unknown = await refused(() => register(t.service, { ...subscription, colour: 1 }));
    expect(unknown.body.details).toHaveProperty('colour');
    const market = await refused(() =>
      register(t.service, { ...subscription, subscriptionId: 'm', product: 'marketplace' }),
    );
    expect(market.status).toBe(400);
    expect((await refused(() => register(undefined, subscription))).status).toBe(401);
    expect((await refused(() => register(t.customerAdmin, subscription))).status).toBe(403);
  });

  it("gives a partner access for the customer's Customer Administrator only", async () => {
    expect((await grant(t.customerAdmin)).status).toBe(201);
    const events = await hub.events.readStream(`customer-${CUSTOMER}`);
    expect(events.map((e) => e.type)).toContain('PartnerSubscriptionAccessGranted');
    expect((await refused(() => grant(t.customerUser))).status).toBe(403);
    // A partner is outside the customer's organisation: 404 (api.md "Errors").
    expect((await refused(() => grant(t.partner('p-1', ['PartnerAdmin'])))).status).toBe(404);
    expect((await refused(() => grant(undefined))).status).toBe(401);
    expect((await refused(() => grant(t.customerAdmin, 'sub-ghost'))).status).toBe(404);
    const bad = await refused(() => grant(t.customerAdmin, 'sub-1', { partnerId: '' }));
    expect(bad.status).toBe(400);
  });

  it('sets read-only consent (CustomerAdministrator), a repeat appends nothing', async () => {
    const consent = (token: string | undefined, body: object) =>
      hub.call('POST', `/v1/customers/${CUSTOMER}/readonly-access`, { token, body });
    expect((await consent(t.customerAdmin, { partnerId: 'p-1', allow: true })).status).toBe(200);
    expect(
      (await refused(() => consent(t.customerAdmin, { partnerId: 'p-1', allow: true }))).status,
    ).toBe(200);
    expect((await consent(t.customerAdmin, { partnerId: 'p-1', allow: false })).status).toBe(200);
    const types = (await hub.events.readStream(`customer-${CUSTOMER}`)).map((e) => e.type);
    expect(types.slice(-2)).toEqual([
      'ReadOnlyAccessConsentGiven',
      'ReadOnlyAccessConsentWithdrawn',
    ]);
    expect(
      (await refused(() => consent(t.customerUser, { partnerId: 'p-1', allow: true }))).status,
    ).toBe(403);
    const bad = await refused(() => consent(t.customerAdmin, { partnerId: 'p-1', allow: 'yes' }));
    expect(bad.status).toBe(400);
    expect(
      (await refused(() => consent(undefined, { partnerId: 'p-1', allow: true }))).status,
    ).toBe(401);
  });
});
