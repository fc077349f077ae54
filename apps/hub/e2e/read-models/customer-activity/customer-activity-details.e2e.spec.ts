import { ActivityScenario } from './customer-activity.e2e-scenario';

/**
 * Customer Activity details (domain.md §4), through HTTP: the education drill-down for Learning
 * Managers, the add-on package drill-down with its CSV export, and the extra-cases CSV export.
 */
describe('Customer Activity (end to end): education, package records, exports', () => {
  let s: ActivityScenario;
  beforeAll(async () => {
    s = await ActivityScenario.start();
  });
  afterAll(() => s.hub.stop());

  it('a Learning Manager sees the education drill-down; administrators and Customer Activity holders too', async () => {
    const url = `/v1/customer-activity/drilldowns/education?workspaceId=${s.workspaceA}`;
    for (const token of [s.learnerA, s.adminA, s.activityA]) {
      const answer = await s.get(token, url);
      expect(answer.status).toBe(200);
      expect(answer.body.records.map((r: { consumptionId: string }) => r.consumptionId)).toContain(
        'k4',
      );
    }
    expect((await s.get(s.memberA, url)).status).toBe(403);
    // The role opens the education view only, not the other drill-downs.
    const reactive = `/v1/customer-activity/drilldowns/reactive?workspaceId=${s.workspaceA}`;
    expect((await s.get(s.learnerA, reactive)).status).toBe(403);
  });

  it("drills down into an add-on package's records, and exports them and the extra cases as CSV", async () => {
    const records = await s.get(
      s.adminA,
      `/v1/customer-activity/addon-packages/${s.packageA}/records?workspaceId=${s.workspaceA}`,
    );
    expect(records.status).toBe(200);
    expect(records.body.records).toEqual([
      expect.objectContaining({
        consumptionId: 'k5',
        entitlementId: 'pkg-hours',
        quantity: 2.5,
        reversed: false,
      }),
    ]);
    // Not mapped into workspace B: 404 even for provider staff.
    const elsewhere = await s.get(
      s.f.csam,
      `/v1/customer-activity/addon-packages/${s.packageA}/records?workspaceId=${s.workspaceB}`,
    );
    expect(elsewhere.status).toBe(404);
    const csv = await s.get(
      s.adminA,
      `/v1/customer-activity/exports/addon-package-records.csv?packageId=${s.packageA}&workspaceId=${s.workspaceA}`,
    );
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(',k5,');
    const noPackage = await s.get(
      s.adminA,
      '/v1/customer-activity/exports/addon-package-records.csv',
    );
    expect(noPackage.status).toBe(400);
    const extra = await s.get(
      s.adminA,
      `/v1/customer-activity/exports/extra-cases.csv?workspaceId=${s.workspaceA}`,
    );
    expect(extra.status).toBe(200);
    expect(String(extra.body).split('\r\n')[0]).toBe(
      'openedAt,caseId,title,workspaceId,rule,service',
    );
  });

  it('names a case in a record only to a caller who may see the case; the record still counts', async () => {
    const { caseId } = await s.f.ok('POST', '/v1/cases', s.adminA, {
      workspaceId: s.workspaceA,
      severity: 'C',
      type: 'problem-resolution',
      product: 'Exchange Online',
      title: 'Mailbox moves stall',
    });
    await s.log('k9', {
      contractId: s.contractA,
      entitlementId: 'reactive-hours',
      quantity: 1,
      workspaceId: s.workspaceA,
      reference: { kind: 'case', id: caseId },
    });
    const url = `/v1/customer-activity/drilldowns/reactive?workspaceId=${s.workspaceA}`;
    const k9 = async (token: string) =>
      (await s.get(token, url)).body.records.find(
        (r: { consumptionId: string }) => r.consumptionId === 'k9',
      );
    expect((await k9(s.adminA)).reference).toEqual({ kind: 'case', id: caseId });
    // The Customer Activity holder is no party to the case: counted, not named.
    expect(await k9(s.activityA)).toMatchObject({ quantity: 1, reference: null });
    const csv = await s.get(
      s.activityA,
      `/v1/customer-activity/exports/reactive.csv?workspaceId=${s.workspaceA}`,
    );
    expect(String(csv.body)).toContain(',k9,');
    expect(String(csv.body)).not.toContain(caseId);
  });
});
