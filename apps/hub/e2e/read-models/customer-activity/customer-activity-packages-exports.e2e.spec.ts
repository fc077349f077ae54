import { ActivityScenario, DAY } from './customer-activity.e2e-scenario';

describe('Customer Activity (end to end): add-on packages and CSV exports', () => {
  let s: ActivityScenario;
  beforeAll(async () => {
    s = await ActivityScenario.start();
  });
  afterAll(() => s.hub.stop());
  it('lists add-on packages mapped into the workspace with balances and benefits, filtered by state', async () => {
    const response = await s.get(
      s.adminA,
      `/v1/customer-activity/addon-packages?workspaceId=${s.workspaceA}&asOfDate=${DAY}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.packages).toEqual([
      expect.objectContaining({
        packageId: s.packageA,
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
    const expired = await s.get(
      s.adminA,
      `/v1/customer-activity/addon-packages?workspaceId=${s.workspaceA}&asOfDate=2026-10-01&state=active`,
    );
    expect(expired.body.packages).toEqual([]);
    expect(
      (await s.get(s.adminA, `/v1/customer-activity/addon-packages?workspaceId=${s.workspaceB}`))
        .status,
    ).toBe(404);
    expect(
      (await s.get(s.memberA, `/v1/customer-activity/addon-packages?workspaceId=${s.workspaceA}`))
        .status,
    ).toBe(403);
  });

  it('exports grids as CSV; the education report needs LearningManager', async () => {
    const reactive = await s.get(
      s.activityA,
      `/v1/customer-activity/exports/reactive.csv?workspaceId=${s.workspaceA}`,
    );
    expect(reactive.status).toBe(200);
    expect(reactive.headers['content-type']).toMatch(/^text\/csv/);
    expect(reactive.headers['content-disposition']).toMatch(
      /attachment; filename="customer-activity-reactive-.*\.csv"/,
    );
    expect(String(reactive.body).split('\r\n')[0]).toBe(
      'deliveredOn,consumptionId,contractId,entitlementId,service,quantity,unit,referenceKind,referenceId,workspaceId,deliveredHours,source,reversed',
    );
    const education = await s.get(
      s.learnerA,
      `/v1/customer-activity/exports/education.csv?workspaceId=${s.workspaceA}`,
    );
    expect(education.status).toBe(200);
    expect(String(education.body)).toContain(
      `k4,${s.contractA},courses,On-demand education,1.00,seats,course,"AZ-104, ""intro""",`,
    );
    for (const token of [s.activityA, s.memberA, s.adminA]) {
      const refused = await s.get(
        token,
        `/v1/customer-activity/exports/education.csv?workspaceId=${s.workspaceA}`,
      );
      expect(refused.status).toBe(403);
      expect(
        (await s.get(token, `/v1/customer-activity/exports/education.csv?workspaceId=all`)).status,
      ).toBe(403);
    }
    expect(
      (
        await s.get(
          s.learnerA,
          `/v1/customer-activity/exports/education.csv?workspaceId=${s.workspaceB}`,
        )
      ).status,
    ).toBe(404);
    const packages = await s.get(
      s.adminA,
      `/v1/customer-activity/exports/addon-packages.csv?workspaceId=${s.workspaceA}`,
    );
    expect(String(packages.body)).toContain(
      `${s.packageA},${s.contractA},Azure enhanced,2026-09-30,`,
    );
    expect((await s.get(s.adminA, '/v1/customer-activity/exports/secrets.csv')).status).toBe(404);
  });
});
