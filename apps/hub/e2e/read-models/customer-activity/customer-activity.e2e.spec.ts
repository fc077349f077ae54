import { ActivityScenario, DAY } from './customer-activity.e2e-scenario';

describe('Customer Activity (end to end): tiles, separation, parameters, reversals', () => {
  let s: ActivityScenario;
  beforeAll(async () => {
    s = await ActivityScenario.start();
  });
  afterAll(() => s.hub.stop());

  it("totals the workspace's contracts per category, with overage past the total", async () => {
    const response = await s.summary(s.adminA, s.workspaceA);
    expect(response.status).toBe(200);
    expect(response.body.contracts).toEqual([
      { contractId: s.contractA, startsOn: '2026-01-01', endsOn: '2026-12-31', status: 'active' },
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
    for (const token of [s.adminA, s.activityA]) {
      const all = await s.summary(token, 'all');
      expect(all.status).toBe(200);
      expect(all.body.contracts.map((c: { contractId: string }) => c.contractId)).toEqual([
        s.contractA,
      ]);
      expect(
        all.body.categories.find((row: { category: string }) => row.category === 'reactive').total,
      ).toBe(10);
      const other = await s.summary(token, s.workspaceB);
      expect(other.status).toBe(404);
      const records = await s.get(
        token,
        `/v1/customer-activity/drilldowns/reactive?workspaceId=all`,
      );
      expect(
        records.body.records.map((r: { consumptionId: string }) => r.consumptionId),
      ).not.toContain('k3');
    }
    const member = await s.summary(s.memberA, s.workspaceA);
    expect(member.status).toBe(403);
    expect(member.body.code).toBe('forbidden');
    expect((await s.summary(s.memberA, 'all')).body).toEqual({
      contracts: [],
      categories: [],
      asNeeded: [],
      benefits: [],
    });
    const staff = await s.summary(s.f.csam, 'all');
    expect(staff.body.contracts).toHaveLength(2);
  });

  it('answers 400 with the field for bad parameters', async () => {
    const response = await s.get(
      s.adminA,
      `/v1/customer-activity/drilldowns/reactive?workspaceId=${s.workspaceA}&limit=501&asOfDate=tomorrow`,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(Object.keys(response.body.details).sort()).toEqual(['asOfDate', 'limit']);
  });

  it('nets a reversal out of totals and shows the record flagged; the as-of answer equals the live one then', async () => {
    const before = await s.summary(s.adminA, s.workspaceA);
    const then = s.position;
    const reversal = await s.f.ok('POST', '/v1/consumption/k1/reversal', s.f.service, {
      reason: 'wrong case',
    });
    s.position = reversal.position;
    const after = await s.summary(s.adminA, s.workspaceA);
    expect(after.body.categories[0]).toMatchObject({
      category: 'reactive',
      unit: 'hours',
      total: 10,
      consumed: 5.5,
      remaining: 4.5,
      overage: 0,
    });
    const drill = await s.get(
      s.adminA,
      `/v1/customer-activity/drilldowns/reactive?workspaceId=${s.workspaceA}&limit=1`,
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
    const next = await s.get(
      s.adminA,
      `/v1/customer-activity/drilldowns/reactive?workspaceId=${s.workspaceA}&limit=1&cursor=${drill.body.nextCursor}`,
    );
    expect(next.body.records).toEqual([
      expect.objectContaining({
        consumptionId: 'k1',
        quantity: 6,
        reversed: true,
        workspaceId: s.workspaceA,
        reference: { kind: 'case', id: 'case-k1' },
      }),
    ]);
    const asOf = await s.hub.call(
      'GET',
      `/v1/audit/projections/customer-activity?asOf=${then}&workspaceId=${s.workspaceA}&asOfDate=${DAY}`,
      { token: s.auditor },
    );
    expect(asOf.status).toBe(200);
    expect(asOf.body.answer).toEqual(before.body);
    const nowAsOf = await s.hub.call(
      'GET',
      `/v1/audit/projections/customer-activity?asOf=${s.position}&workspaceId=${s.workspaceA}&asOfDate=${DAY}`,
      { token: s.auditor },
    );
    expect(nowAsOf.body.answer).toEqual(after.body);
  });
});
