import { startedHub } from '../started-hub';

describe('POST /v1/consumption and /v1/consumption/{id}/reversal', () => {
  const { hub, f } = startedHub();
  let agreementId: string;
  let contractId: string;
  let customerAdminToken: string;

  beforeAll(async () => {
    const customer = await f.customer();
    agreementId = customer.agreementId;
    customerAdminToken = f.tokenOf(customer.serviceAdministrator);
    contractId = await f.addContract(agreementId);
    await f.ok('POST', `/v1/contracts/${contractId}/packages`, f.csam, {
      packageId: 'pkg-withdrawn',
      name: 'Old package',
      expiresOn: '2026-12-31',
      entitlements: [
        {
          entitlementId: 'ws',
          category: 'proactive',
          service: 'Workshops',
          unit: 'credits',
          quantity: 3,
          kind: 'consumable',
        },
      ],
    });
    await f.ok('POST', '/v1/packages/pkg-withdrawn/withdraw', f.csam, { reason: 'replaced' });
  });

  let sequence = 0;
  const record = (overrides: object = {}) => {
    sequence += 1;
    return {
      consumptionId: `cons-${sequence}`,
      contractId,
      entitlementId: 'dse-hours',
      quantity: 2.5,
      deliveredOn: '2026-03-02',
      reference: { kind: 'engagement', id: 'eng-1' },
      ...overrides,
    };
  };
  const log = (token: string | undefined, body: object) =>
    hub.call('POST', '/v1/consumption', { token, body });
  const reverse = (
    token: string | undefined,
    id: string,
    body: object = { reason: 'wrong contract' },
  ) => hub.call('POST', `/v1/consumption/${id}/reversal`, { token, body });

  it('logs consumption (201 with consumptionId, position) after claiming its id for the ledger', async () => {
    const body = record();
    const response = await log(f.service, body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      consumptionId: body.consumptionId,
      position: expect.stringMatching(/^\d+$/),
    });
    const [logged] = await hub.events.readStream(`ledger-${contractId}`);
    expect(logged.type).toBe('ConsumptionLogged');
    expect(logged.data).toMatchObject({
      quantity: 2.5,
      category: 'proactive',
      source: 'delivery-service',
      overage: 0,
    });
    const [claim] = await hub.events.readStream(`id-consumption-${body.consumptionId}`);
    expect(claim.data.ownerStream).toBe(`ledger-${contractId}`);
    expect(claim.position).toBeLessThan(logged.position);
    expect((await log(f.csam, record({ quantity: 100 }))).status).toBe(201);
  });

  it('records the same consumptionId once, whoever sends it again', async () => {
    const body = record();
    await f.ok('POST', '/v1/consumption', f.service, body);
    const before = await hub.settledEventCount();
    const again = await log(f.service, body);
    expect(again.status).toBe(201);
    expect((await hub.allEvents()).length).toBe(before);
    const logged = (await hub.events.readStream(`ledger-${contractId}`)).filter(
      (event) => event.data.consumptionId === body.consumptionId,
    );
    expect(logged).toHaveLength(1);
  });

  it('answers 400 for a quantity with seven decimals, a bad day, a missing reference and an unknown field', async () => {
    for (const quantity of [1.2345678, 0, -1, '2']) {
      const response = await f.refused(() => log(f.service, record({ quantity })));
      expect(response.status).toBe(400);
      expect(response.body.details).toHaveProperty('quantity');
    }
    const bad = await f.refused(() =>
      log(f.service, record({ deliveredOn: '2/3/2026', reference: { kind: '' } })),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(
      expect.arrayContaining(['deliveredOn', 'reference.kind', 'reference.id']),
    );
    const unknown = await f.refused(() => log(f.service, record({ hours: 2 })));
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toHaveProperty('hours');
    expect(
      (await f.refused(() => reverse(f.service, 'cons-1', { reason: 'x', y: 1 }))).status,
    ).toBe(400);
  });

  it('answers 401 without a token, 403 to a customer or an AC', async () => {
    expect((await f.refused(() => log(undefined, record()))).status).toBe(401);
    expect((await f.refused(() => log(customerAdminToken, record()))).status).toBe(403);
    const ac = hub.token({ sub: 'ac-1', roles: ['AC'], orgKind: 'provider' });
    expect((await f.refused(() => log(ac, record()))).status).toBe(403);
    expect((await f.refused(() => reverse(customerAdminToken, 'cons-1'))).status).toBe(403);
  });

  it('answers 404 for an unknown contract, entitlement or package', async () => {
    for (const [overrides, code] of [
      [{ contractId: 'nope' }, 'contract_not_found'],
      [{ entitlementId: 'nope' }, 'entitlement_not_found'],
      [{ packageId: 'nope', entitlementId: 'ws' }, 'package_not_found'],
    ] as const) {
      const response = await f.refused(() => log(f.service, record(overrides)));
      expect(response.status).toBe(404);
      expect(response.body.code).toBe(code);
    }
    expect((await f.refused(() => reverse(f.service, 'never-logged'))).status).toBe(404);
  });

  it('answers 409 for a benefit, a withdrawn package, and an id used by another contract', async () => {
    const benefit = await f.refused(() => log(f.service, record({ entitlementId: 'webcasts' })));
    expect(benefit.status).toBe(409);
    expect(benefit.body.code).toBe('benefit_not_consumable');
    const inactive = await f.refused(() =>
      log(f.service, record({ packageId: 'pkg-withdrawn', entitlementId: 'ws' })),
    );
    expect(inactive.status).toBe(409);
    expect(inactive.body.code).toBe('package_inactive');
    const first = record();
    await f.ok('POST', '/v1/consumption', f.service, first);
    const otherContract = await f.addContract(agreementId);
    const clash = await f.refused(() => log(f.service, { ...first, contractId: otherContract }));
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('consumption_id_conflict');
  });

  it('reverses a record (200) found through its claim; a second reversal is refused (409)', async () => {
    const body = record();
    await f.ok('POST', '/v1/consumption', f.service, body);
    const response = await reverse(f.csam, body.consumptionId);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      consumptionId: body.consumptionId,
      position: expect.any(String),
    });
    const [last] = await hub.events.readStream(`ledger-${contractId}`, {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(last.type).toBe('ConsumptionReversed');
    expect(last.data).toMatchObject({ consumptionId: body.consumptionId, quantity: 2.5 });
    const twice = await f.refused(() => reverse(f.service, body.consumptionId));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('consumption_already_reversed');
  });
});
