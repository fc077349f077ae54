import { drilldown, allRecords } from './customer-activity.drilldown';
import { maySeeEducation } from './customer-activity.access';
import { scopeOf, viewOf } from './customer-activity.spec-view';
import { activitySummary } from './customer-activity.queries';
import { customerActivityProjection } from './customer-activity.projection';
import { consumed } from './customer-activity.fixtures';

import { day, history, view, w1Admin } from './customer-activity.queries.fixtures';

describe('customer-activity drill-downs', () => {
  it('forecasts each drill-down line from its own trailing 90 days', async () => {
    const march = { workspaceId: 'w1', day: '2026-03-31' };
    const answer = await drilldown(await view(), w1Admin, march, 'advisory', { limit: 1 });
    expect(answer.entitlements).toEqual([
      expect.objectContaining({
        entitlementId: 'e2',
        remaining: 3.75,
        burnRatePerDay: 0.0139,
        exhaustsOn: '2026-12-26',
        exhaustsBeforeEnd: true,
      }),
    ]);
  });

  it('drills down: lines with balances, records newest first, reversed ones flagged, other workspaces withheld', async () => {
    const answer = await drilldown(await view(), w1Admin, { workspaceId: 'w1', day }, 'reactive', {
      limit: 100,
    });
    expect(answer.entitlements).toEqual([
      expect.objectContaining({
        contractId: 'c1',
        entitlementId: 'e1',
        total: 10,
        consumed: 13.5,
        remaining: 0,
        overage: 3.5,
      }),
    ]);
    expect(
      answer.records.map((r) => [r.consumptionId, r.deliveredOn, r.quantity, r.reversed]),
    ).toEqual([
      ['k4', '2026-03-03', 2, true],
      ['k2', '2026-03-02', 7.5, false],
      ['k1', '2026-03-01', 6, false],
    ]);
    // k2 was delivered for w2: the balance is the contract's, but w2's case ids are not w1's to see.
    expect(answer.records[1]).toMatchObject({ reference: null, workspaceId: null });
    expect(answer.records[2]).toMatchObject({
      reference: { kind: 'case', id: 'case-k1' },
      workspaceId: 'w1',
    });
    expect(answer.nextCursor).toBeNull();
  });

  it('pages records by deliveredOn desc then consumptionId, and combines as-needed and unit filters', async () => {
    const readModel = await view();
    const first = await drilldown(readModel, w1Admin, { workspaceId: 'w1', day }, 'as-needed', {
      limit: 2,
    });
    expect(first.records.map((r) => r.consumptionId)).toEqual(['k4', 'k2']);
    const second = await drilldown(readModel, w1Admin, { workspaceId: 'w1', day }, 'as-needed', {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.records.map((r) => r.consumptionId)).toEqual(['k3', 'k1']);
    expect(second.nextCursor).toBeNull();
    const credits = await drilldown(readModel, w1Admin, { workspaceId: 'w1', day }, 'proactive', {
      limit: 10,
      unit: 'credits',
    });
    expect(credits.entitlements.map((e) => e.entitlementId)).toEqual(['e4']);
    expect(credits.records).toEqual([]);
    await expect(
      drilldown(readModel, w1Admin, { workspaceId: 'w1', day }, 'reactive', {
        limit: 2,
        cursor: '!!',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('exports every record across pages', async () => {
    const records = await allRecords(
      await view(),
      scopeOf('staff'),
      { workspaceId: 'all', day },
      'reactive',
    );
    // k7 is c2's, which is not active on the day: asked for by contractId, it is listed.
    expect(records.map((r) => r.consumptionId)).toEqual(['k4', 'k2', 'k1']);
    const c2 = await allRecords(
      await view(),
      scopeOf('staff'),
      { workspaceId: 'all', contractId: 'c2', day },
      'reactive',
    );
    expect(c2.map((r) => r.consumptionId)).toEqual(['k7']);
  });

  it('a Learning Manager sees the education drill-down, not the others', async () => {
    const learner = { ...scopeOf({ w1: ['Member', 'LearningManager'] }), rule: maySeeEducation };
    const answer = await drilldown(
      await view(),
      learner,
      { workspaceId: 'w1', contractId: 'c3', day },
      'education',
      {
        limit: 10,
      },
    );
    expect(answer.records.map((r) => r.consumptionId)).toEqual(['k8']);
    await expect(
      drilldown(
        await view(),
        scopeOf({ w1: ['Member', 'LearningManager'] }),
        { workspaceId: 'w1', day },
        'reactive',
        {
          limit: 10,
        },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("shows a proactive delivery's delivered hours on its record; other records have none", async () => {
    const delivered = consumed('k9', 'c1', 'e4', 1, { category: 'proactive', unit: 'credits' });
    const withHours = { ...delivered, data: { ...delivered.data, deliveredHours: 6 } };
    const readModel = await viewOf(customerActivityProjection, [...history, withHours]);
    const answer = await drilldown(readModel, w1Admin, { workspaceId: 'w1', day }, 'proactive', {
      limit: 10,
    });
    const hoursOf = Object.fromEntries(
      answer.records.map((r) => [r.consumptionId, r.deliveredHours]),
    );
    expect(hoursOf).toEqual({ k9: 6, k5: null, k6: null });
  });

  it('lists the benefit lines of the contracts shown, apart from the consumable tiles', async () => {
    const answer = await activitySummary(await view(), w1Admin, { workspaceId: 'w1', day });
    expect(answer.benefits).toEqual([
      {
        contractId: 'c1',
        entitlementId: 'e5',
        category: 'education',
        service: 'education service e5',
        description: 'about e5',
      },
    ]);
    expect(answer.categories.map((c) => c.category)).not.toContain('benefit');
  });
});
