import { Fixtures, Person } from '../../fixtures';
import { TestHub } from '../../test-hub';

const DAY = '2026-06-01';

const ENTITLEMENTS_A = [
  {
    entitlementId: 'reactive-hours',
    category: 'reactive',
    service: 'Problem resolution',
    unit: 'hours',
    quantity: 10,
    kind: 'consumable',
  },
  {
    entitlementId: 'advisory-hours',
    category: 'advisory',
    service: 'Advisory',
    unit: 'hours',
    quantity: 5,
    kind: 'consumable',
  },
  {
    entitlementId: 'courses',
    category: 'education',
    service: 'On-demand education',
    unit: 'seats',
    quantity: 3,
    kind: 'consumable',
  },
  {
    entitlementId: 'webcasts',
    category: 'education',
    service: 'Webcasts',
    unit: 'seats',
    quantity: 1,
    kind: 'benefit',
  },
];
const ENTITLEMENTS_B = [
  {
    entitlementId: 'reactive-hours',
    category: 'reactive',
    service: 'Problem resolution',
    unit: 'hours',
    quantity: 100,
    kind: 'consumable',
  },
];

describe('Customer Activity (end to end)', () => {
  let hub: TestHub;
  let f: Fixtures;
  let workspaceA: string;
  let workspaceB: string;
  let contractA: string;
  let contractB: string;
  let packageA: string;
  let adminA: string;
  let activityA: string;
  let memberA: string;
  let learnerA: string;
  let auditor: string;
  let position: string;

  const log = async (consumptionId: string, body: object) => {
    const answer = await f.ok('POST', '/v1/consumption', f.service, {
      consumptionId,
      deliveredOn: '2026-03-01',
      reference: { kind: 'case', id: `case-${consumptionId}` },
      ...body,
    });
    position = answer.position;
  };

  const get = (token: string, url: string) =>
    hub.call('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${position}`, { token });

  const withRole = async (
    workspaceId: string,
    adminToken: string,
    role: string,
  ): Promise<string> => {
    const person: Person = await f.member(workspaceId, adminToken, role.toLowerCase());
    if (role !== 'Member')
      await f.ok('POST', `/v1/workspaces/${workspaceId}/roles`, adminToken, {
        userId: person.sub,
        role,
      });
    return f.tokenOf(person);
  };

  beforeAll(async () => {
    hub = await TestHub.start();
    f = new Fixtures(hub);
    auditor = hub.token({ sub: 'auditor-1', roles: ['Auditor'], orgKind: 'provider' });
    const customer = await f.customer();
    const a = await f.administeredWorkspace(customer.agreementId);
    const b = await f.administeredWorkspace(customer.agreementId);
    workspaceA = a.workspaceId;
    workspaceB = b.workspaceId;
    adminA = f.tokenOf(a.admin);
    contractA = await f.addContract(customer.agreementId, ENTITLEMENTS_A);
    contractB = await f.addContract(customer.agreementId, ENTITLEMENTS_B);
    await f.ok('POST', `/v1/workspaces/${workspaceA}/mappings`, f.csam, { contractId: contractA });
    await f.ok('POST', `/v1/workspaces/${workspaceB}/mappings`, f.csam, { contractId: contractB });
    packageA = (
      await f.ok('POST', `/v1/contracts/${contractA}/packages`, f.csam, {
        name: 'Azure enhanced',
        expiresOn: '2026-09-30',
        entitlements: [
          {
            entitlementId: 'pkg-hours',
            category: 'proactive',
            service: 'Proactive credits',
            unit: 'credits',
            quantity: 4,
            kind: 'consumable',
          },
          {
            entitlementId: 'pkg-benefit',
            category: 'advisory',
            service: 'Architecture review',
            description: 'once a year',
            unit: 'sessions',
            quantity: 1,
            kind: 'benefit',
          },
        ],
      })
    ).packageId;
    await f.ok('POST', `/v1/workspaces/${workspaceA}/mappings`, f.csam, { packageId: packageA });
    activityA = await withRole(workspaceA, adminA, 'CustomerActivity');
    memberA = await withRole(workspaceA, adminA, 'Member');
    learnerA = await withRole(workspaceA, adminA, 'LearningManager');
    await log('k1', {
      contractId: contractA,
      entitlementId: 'reactive-hours',
      quantity: 6,
      workspaceId: workspaceA,
    });
    await log('k2', {
      contractId: contractA,
      entitlementId: 'reactive-hours',
      quantity: 5.5,
      deliveredOn: '2026-03-02',
    });
    await log('k3', {
      contractId: contractB,
      entitlementId: 'reactive-hours',
      quantity: 9,
      workspaceId: workspaceB,
    });
    await log('k4', {
      contractId: contractA,
      entitlementId: 'courses',
      quantity: 1,
      reference: { kind: 'course', id: 'AZ-104, "intro"' },
    });
    await log('k5', {
      contractId: contractA,
      packageId: packageA,
      entitlementId: 'pkg-hours',
      quantity: 2.5,
    });
  });

  afterAll(() => hub.stop());

  const summary = (token: string, workspaceId: string) =>
    get(token, `/v1/customer-activity?workspaceId=${workspaceId}&asOfDate=${DAY}`);

  it("totals the workspace's contracts per category, with overage past the total", async () => {
    const response = await summary(adminA, workspaceA);
    expect(response.status).toBe(200);
    expect(response.body.contracts).toEqual([
      { contractId: contractA, startsOn: '2026-01-01', endsOn: '2026-12-31', status: 'active' },
    ]);
    // Each tile also carries its forecast (burnRatePerDay, exhaustsOn, exhaustsBeforeEnd), which
    // depends on the clock's day: the time specs check it.
    const amounts = ({ category, unit, total, consumed, remaining, overage }: any) => ({
      category,
      unit,
      total,
      consumed,
      remaining,
      overage,
    });
    expect(response.body.categories.map(amounts)).toEqual([
      {
        category: 'reactive',
        unit: 'hours',
        total: 10,
        consumed: 11.5,
        remaining: 0,
        overage: 1.5,
      },
      { category: 'advisory', unit: 'hours', total: 5, consumed: 0, remaining: 5, overage: 0 },
      { category: 'education', unit: 'seats', total: 3, consumed: 1, remaining: 2, overage: 0 },
    ]);
  });

  it('keeps workspaces apart: A never sees B\'s consumption, even under "all"; 404 for B, 403 without the role', async () => {
    for (const token of [adminA, activityA]) {
      const all = await summary(token, 'all');
      expect(all.status).toBe(200);
      expect(all.body.contracts.map((c: { contractId: string }) => c.contractId)).toEqual([
        contractA,
      ]);
      expect(
        all.body.categories.find((row: { category: string }) => row.category === 'reactive').total,
      ).toBe(10);
      const other = await summary(token, workspaceB);
      expect(other.status).toBe(404);
      const records = await get(token, `/v1/customer-activity/drilldowns/reactive?workspaceId=all`);
      expect(
        records.body.records.map((r: { consumptionId: string }) => r.consumptionId),
      ).not.toContain('k3');
    }
    const member = await summary(memberA, workspaceA);
    expect(member.status).toBe(403);
    expect(member.body.code).toBe('forbidden');
    expect((await summary(memberA, 'all')).body).toEqual({
      contracts: [],
      categories: [],
      asNeeded: [],
    });
    const staff = await summary(f.csam, 'all');
    expect(staff.body.contracts).toHaveLength(2);
  });

  it('answers 400 with the field for bad parameters', async () => {
    const response = await get(
      adminA,
      `/v1/customer-activity/drilldowns/reactive?workspaceId=${workspaceA}&limit=501&asOfDate=tomorrow`,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(Object.keys(response.body.details).sort()).toEqual(['asOfDate', 'limit']);
  });

  it('nets a reversal out of totals and shows the record flagged; the as-of answer equals the live one then', async () => {
    const before = await summary(adminA, workspaceA);
    const then = position;
    const reversal = await f.ok('POST', '/v1/consumption/k1/reversal', f.service, {
      reason: 'wrong case',
    });
    position = reversal.position;
    const after = await summary(adminA, workspaceA);
    expect(after.body.categories[0]).toMatchObject({
      category: 'reactive',
      unit: 'hours',
      total: 10,
      consumed: 5.5,
      remaining: 4.5,
      overage: 0,
    });
    const drill = await get(
      adminA,
      `/v1/customer-activity/drilldowns/reactive?workspaceId=${workspaceA}&limit=1`,
    );
    expect(drill.body.entitlements).toEqual([
      expect.objectContaining({
        entitlementId: 'reactive-hours',
        total: 10,
        consumed: 5.5,
        remaining: 4.5,
      }),
    ]);
    expect(drill.body.records).toEqual([
      expect.objectContaining({
        consumptionId: 'k2',
        deliveredOn: '2026-03-02',
        quantity: 5.5,
        reversed: false,
      }),
    ]);
    const next = await get(
      adminA,
      `/v1/customer-activity/drilldowns/reactive?workspaceId=${workspaceA}&limit=1&cursor=${drill.body.nextCursor}`,
    );
    expect(next.body.records).toEqual([
      expect.objectContaining({
        consumptionId: 'k1',
        quantity: 6,
        reversed: true,
        workspaceId: workspaceA,
        reference: { kind: 'case', id: 'case-k1' },
      }),
    ]);
    const asOf = await hub.call(
      'GET',
      `/v1/audit/projections/customer-activity?asOf=${then}&workspaceId=${workspaceA}&asOfDate=${DAY}`,
      { token: auditor },
    );
    expect(asOf.status).toBe(200);
    expect(asOf.body.answer).toEqual(before.body);
    const nowAsOf = await hub.call(
      'GET',
      `/v1/audit/projections/customer-activity?asOf=${position}&workspaceId=${workspaceA}&asOfDate=${DAY}`,
      { token: auditor },
    );
    expect(nowAsOf.body.answer).toEqual(after.body);
  });

  it('lists add-on packages mapped into the workspace with balances and benefits, filtered by state', async () => {
    const response = await get(
      adminA,
      `/v1/customer-activity/addon-packages?workspaceId=${workspaceA}&asOfDate=${DAY}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.packages).toEqual([
      expect.objectContaining({
        packageId: packageA,
        name: 'Azure enhanced',
        expiresOn: '2026-09-30',
        state: 'active',
        consumables: [
          expect.objectContaining({
            entitlementId: 'pkg-hours',
            unit: 'credits',
            total: 4,
            consumed: 2.5,
            remaining: 1.5,
          }),
        ],
        benefits: [
          {
            entitlementId: 'pkg-benefit',
            service: 'Architecture review',
            description: 'once a year',
          },
        ],
      }),
    ]);
    const expired = await get(
      adminA,
      `/v1/customer-activity/addon-packages?workspaceId=${workspaceA}&asOfDate=2026-10-01&state=active`,
    );
    expect(expired.body.packages).toEqual([]);
    expect(
      (await get(adminA, `/v1/customer-activity/addon-packages?workspaceId=${workspaceB}`)).status,
    ).toBe(404);
    expect(
      (await get(memberA, `/v1/customer-activity/addon-packages?workspaceId=${workspaceA}`)).status,
    ).toBe(403);
  });

  it('exports grids as CSV; the education report needs LearningManager', async () => {
    const reactive = await get(
      activityA,
      `/v1/customer-activity/exports/reactive.csv?workspaceId=${workspaceA}`,
    );
    expect(reactive.status).toBe(200);
    expect(reactive.headers['content-type']).toMatch(/^text\/csv/);
    expect(reactive.headers['content-disposition']).toMatch(
      /attachment; filename="customer-activity-reactive-.*\.csv"/,
    );
    expect(String(reactive.body).split('\r\n')[0]).toBe(
      'deliveredOn,consumptionId,contractId,entitlementId,service,quantity,unit,referenceKind,referenceId,workspaceId,source,reversed',
    );
    const education = await get(
      learnerA,
      `/v1/customer-activity/exports/education.csv?workspaceId=${workspaceA}`,
    );
    expect(education.status).toBe(200);
    expect(String(education.body)).toContain(
      `k4,${contractA},courses,On-demand education,1.00,seats,course,"AZ-104, ""intro""",`,
    );
    for (const token of [activityA, memberA, adminA]) {
      const refused = await get(
        token,
        `/v1/customer-activity/exports/education.csv?workspaceId=${workspaceA}`,
      );
      expect(refused.status).toBe(403);
      expect(
        (await get(token, `/v1/customer-activity/exports/education.csv?workspaceId=all`)).status,
      ).toBe(403);
    }
    expect(
      (await get(learnerA, `/v1/customer-activity/exports/education.csv?workspaceId=${workspaceB}`))
        .status,
    ).toBe(404);
    const packages = await get(
      adminA,
      `/v1/customer-activity/exports/addon-packages.csv?workspaceId=${workspaceA}`,
    );
    expect(String(packages.body)).toContain(`${packageA},${contractA},Azure enhanced,2026-09-30,`);
    expect((await get(adminA, '/v1/customer-activity/exports/secrets.csv')).status).toBe(404);
  });
});
