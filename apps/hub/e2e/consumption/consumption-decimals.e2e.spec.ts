import { startedHub } from '../started-hub';

/**
 * Regression (issue 17 item 6): quantities were kept in hundredths, so 0.125 was refused, while
 * domain.md §2 allows six decimal places and refuses a seventh (`1e-7` with 400, never 500).
 */
describe('POST /v1/consumption with six-decimal quantities (e2e)', () => {
  const { hub, f } = startedHub();
  let contractId: string;
  let packageId: string;
  let workspaceId: string;
  let adminToken: string;

  const hours = (entitlementId: string, quantity: number) => ({
    entitlementId,
    category: 'proactive',
    service: `Service ${entitlementId}`,
    unit: 'hours',
    quantity,
    kind: 'consumable',
  });

  beforeAll(async () => {
    const customer = await f.customer();
    workspaceId = customer.defaultWorkspaceId;
    adminToken = f.tokenOf(customer.serviceAdministrator);
    contractId = await f.addContract(customer.agreementId, [hours('dse-hours', 10.5)]);
    const pkg = await f.ok('POST', `/v1/contracts/${contractId}/packages`, f.csam, {
      name: 'Six decimals',
      expiresOn: '2026-12-31',
      entitlements: [hours('pkg-hours', 2.000001)],
    });
    packageId = pkg.packageId;
    await f.ok('POST', `/v1/workspaces/${workspaceId}/mappings`, f.csam, { contractId });
    await f.ok('POST', `/v1/workspaces/${workspaceId}/mappings`, f.csam, { packageId });
  });

  let sequence = 0;
  const record = (quantity: unknown, overrides: object = {}) => {
    sequence += 1;
    return {
      consumptionId: `dec-${sequence}`,
      contractId,
      entitlementId: 'dse-hours',
      quantity,
      deliveredOn: '2026-03-02',
      reference: { kind: 'engagement', id: 'eng-1' },
      ...overrides,
    };
  };
  const get = (url: string) => hub.call('GET', url, { token: adminToken });

  it('accepts 0.125 and 0.000001 (201) and the balances show their sum exactly', async () => {
    const first = await hub.call('POST', '/v1/consumption', {
      token: f.service,
      body: record(0.125),
    });
    expect(first.status).toBe(201);
    const second = await f.ok('POST', '/v1/consumption', f.service, record(0.000001));
    const onPackage = await f.ok(
      'POST',
      '/v1/consumption',
      f.service,
      record(0.125, { packageId, entitlementId: 'pkg-hours', deliveredHours: 0.333333 }),
    );
    const at = `workspaceId=${workspaceId}&asOfDate=2026-06-01`;
    const drill = await get(
      `/v1/customer-activity/drilldowns/proactive?${at}&minPosition=${second.position}`,
    );
    expect(drill.status).toBe(200);
    expect(drill.body.entitlements).toEqual([
      expect.objectContaining({
        entitlementId: 'dse-hours',
        total: 10.5,
        consumed: 0.125001,
        remaining: 10.374999,
      }),
    ]);
    expect(drill.body.records).toContainEqual(
      expect.objectContaining({ consumptionId: `dec-2`, quantity: 0.000001 }),
    );
    const packages = await get(
      `/v1/customer-activity/addon-packages?${at}&minPosition=${onPackage.position}`,
    );
    expect(packages.body.packages[0].consumables).toEqual([
      expect.objectContaining({ total: 2.000001, consumed: 0.125, remaining: 1.875001 }),
    ]);
  });

  it('exports the records as the JSON answer has them: 0.125 and 0.000001, not 0.13 and 0.00', async () => {
    const csv = await get(
      `/v1/customer-activity/exports/proactive.csv?workspaceId=${workspaceId}&asOfDate=2026-06-01`,
    );
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain(',0.125,');
    expect(text).toContain(',0.000001,');
    expect(text).not.toContain(',0.13,');
  });

  it('refuses 0.0000001, 1e-7 and a seventh decimal with 400 naming quantity, appending nothing', async () => {
    for (const quantity of [0.0000001, 1e-7, 0.1234567]) {
      const answer = await f.refused(() =>
        hub.call('POST', '/v1/consumption', { token: f.service, body: record(quantity) }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('validation_failed');
      expect(Object.keys(answer.body.details)).toEqual(['quantity']);
    }
    const hoursAnswer = await f.refused(() =>
      hub.call('POST', '/v1/consumption', {
        token: f.service,
        body: record(1, { deliveredHours: 1e-7 }),
      }),
    );
    expect(hoursAnswer.status).toBe(400);
    expect(Object.keys(hoursAnswer.body.details)).toEqual(['deliveredHours']);
  });
});
