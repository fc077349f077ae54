import { customerActivityProjection } from './customer-activity.projection';
import { drilldown, allRecords } from './customer-activity.drilldown';
import { CategoryRow, activitySummary } from './customer-activity.queries';
import { maySeeEducation } from './customer-activity.access';
import {
  consumed,
  contractAdded,
  contractMapped,
  line,
  reversed,
  workspaceCreated,
} from './customer-activity.fixtures';
import { scopeOf, viewOf } from './customer-activity.spec-view';

// w1 sees c1 (current) and c3 (expired); w2 sees c2 and shares c1.
const history = [
  workspaceCreated('w1'),
  workspaceCreated('w2'),
  workspaceCreated('w3'),
  contractAdded('c1', [
    line('e1', 'reactive', 10),
    line('e2', 'advisory', 5),
    line('e3', 'proactive', 8),
    line('e4', 'proactive', 3, 'consumable', 'credits'),
    line('e5', 'education', 1, 'benefit'),
  ]),
  contractAdded('c2', [line('f1', 'reactive', 100)], {
    startsOn: '2027-01-01',
    endsOn: '2027-12-31',
  }),
  contractAdded('c3', [line('g1', 'education', 4, 'consumable', 'seats')], {
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
  }),
  contractMapped('w1', 'c1'),
  contractMapped('w1', 'c3'),
  contractMapped('w2', 'c2'),
  contractMapped('w2', 'c1'),
  consumed('k1', 'c1', 'e1', 6, { workspaceId: 'w1', deliveredOn: '2026-03-01' }),
  consumed('k2', 'c1', 'e1', 7.5, { workspaceId: 'w2', deliveredOn: '2026-03-02' }),
  consumed('k3', 'c1', 'e2', 1.25, { category: 'advisory', deliveredOn: '2026-03-02' }),
  consumed('k4', 'c1', 'e1', 2, { deliveredOn: '2026-03-03' }),
  reversed('k4', 'c1', 'e1', 2),
  consumed('k5', 'c1', 'e3', 0.1, { category: 'proactive' }),
  consumed('k6', 'c1', 'e3', 0.2, { category: 'proactive' }),
  consumed('k7', 'c2', 'f1', 9, { workspaceId: 'w2' }),
  consumed('k8', 'c3', 'g1', 1, { category: 'education', unit: 'seats' }),
];

const day = '2026-06-01';
const view = () => viewOf(customerActivityProjection, history);
const w1Admin = scopeOf({ w1: ['WorkspaceAdministrator'] });

describe('customer-activity queries', () => {
  it('totals per category and unit: consumed net of reversals, remaining floored at 0, overage beyond', async () => {
    const answer = await activitySummary(await view(), w1Admin, { workspaceId: 'w1', day });
    const amounts = ({ category, unit, total, consumed, remaining, overage }: CategoryRow) => ({
      category,
      unit,
      total,
      consumed,
      remaining,
      overage,
    });
    expect(answer.categories.map(amounts)).toEqual([
      { category: 'proactive', unit: 'credits', total: 3, consumed: 0, remaining: 3, overage: 0 },
      { category: 'proactive', unit: 'hours', total: 8, consumed: 0.3, remaining: 7.7, overage: 0 },
      {
        category: 'reactive',
        unit: 'hours',
        total: 10,
        consumed: 13.5,
        remaining: 0,
        overage: 3.5,
      },
      {
        category: 'advisory',
        unit: 'hours',
        total: 5,
        consumed: 1.25,
        remaining: 3.75,
        overage: 0,
      },
    ]);
    // As-needed support is reactive + advisory, each line's overage kept apart from the other's balance.
    expect(answer.asNeeded.map(amounts)).toEqual([
      {
        category: 'as-needed',
        unit: 'hours',
        total: 15,
        consumed: 14.75,
        remaining: 3.75,
        overage: 3.5,
      },
    ]);
  });

  it('forecasts each tile from the trailing 90 days of consumption up to the day asked', async () => {
    const quiet = await activitySummary(await view(), w1Admin, { workspaceId: 'w1', day });
    // Nothing consumed between 2026-03-04 and 2026-06-01: no burn, no exhaustion forecast.
    const advisoryThen = quiet.categories.find((row) => row.category === 'advisory')!;
    expect(advisoryThen).toMatchObject({
      burnRatePerDay: 0,
      exhaustsOn: null,
      exhaustsBeforeEnd: false,
    });
    const march = await activitySummary(await view(), w1Admin, {
      workspaceId: 'w1',
      day: '2026-03-31',
    });
    // 1.25 h in the window: 0.0139 h/day; 3.75 h left last 270 days, before c1 ends (2026-12-31).
    expect(march.categories.find((row) => row.category === 'advisory')).toMatchObject({
      burnRatePerDay: 0.0139,
      exhaustsOn: '2026-12-26',
      exhaustsBeforeEnd: true,
    });
    // An exhausted line ran out by the day asked.
    expect(march.categories.find((row) => row.category === 'reactive')).toMatchObject({
      remaining: 0,
      exhaustsOn: '2026-03-31',
      exhaustsBeforeEnd: true,
    });
  });

  it('lists the contracts active on the day asked; others only when asked for by contractId', async () => {
    const answer = await activitySummary(await view(), scopeOf('staff'), {
      workspaceId: 'all',
      day,
    });
    expect(answer.contracts).toEqual([
      { contractId: 'c1', startsOn: '2026-01-01', endsOn: '2026-12-31', status: 'active' },
    ]);
    const lastDay = await activitySummary(await view(), scopeOf('staff'), {
      workspaceId: 'all',
      day: '2026-12-31',
    });
    expect(lastDay.contracts.find((c) => c.contractId === 'c1')?.status).toBe('active');
    for (const [contractId, status] of [
      ['c3', 'expired'],
      ['c2', 'upcoming'],
    ]) {
      const asked = await activitySummary(await view(), scopeOf('staff'), {
        workspaceId: 'all',
        contractId,
        day,
      });
      expect(asked.contracts.map((c) => c.status)).toEqual([status]);
    }
  });

  it("an expired contract's remaining balance is not added to the active figures", async () => {
    // c3 (expired) has 3 education seats left; w1's default view shows only c1's lines.
    const answer = await activitySummary(await view(), w1Admin, { workspaceId: 'w1', day });
    expect(answer.categories.find((row) => row.category === 'education')).toBeUndefined();
    const expired = await activitySummary(await view(), w1Admin, {
      workspaceId: 'w1',
      contractId: 'c3',
      day,
    });
    // Its balance is shown as forfeited, not remaining.
    expect(expired.categories).toMatchObject([
      {
        category: 'education',
        unit: 'seats',
        total: 4,
        consumed: 1,
        remaining: 0,
        overage: 0,
        forfeited: 3,
      },
    ]);
  });

  it('narrows to one contract, and refuses one outside the workspace with 404', async () => {
    const answer = await activitySummary(await view(), w1Admin, {
      workspaceId: 'w1',
      contractId: 'c3',
      day,
    });
    expect(answer.categories.map((row) => row.category)).toEqual(['education']);
    await expect(
      activitySummary(await view(), w1Admin, { workspaceId: 'w1', contractId: 'c2', day }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('"all" is the union of the workspaces the caller may see, each contract counted once', async () => {
    const both = scopeOf({ w1: ['CustomerActivity'], w2: ['CustomerActivity'] });
    const answer = await activitySummary(await view(), both, { workspaceId: 'all', day });
    expect(answer.contracts.map((c) => c.contractId)).toEqual(['c1']);
    // c1 is mapped into both workspaces and counted once; c2 (upcoming) is not yet counted.
    expect(answer.categories.find((row) => row.category === 'reactive')).toMatchObject({
      total: 10,
      consumed: 13.5,
    });
    const later = await activitySummary(await view(), both, {
      workspaceId: 'all',
      day: '2027-06-01',
    });
    expect(later.contracts.map((c) => c.contractId)).toEqual(['c2']);
  });

  it('a member without the role gets 403 for their workspace, 404 for another, nothing under "all"', async () => {
    const member = scopeOf({ w1: ['Member'], w2: ['CustomerActivity'] });
    const readModel = await view();
    await expect(
      activitySummary(readModel, member, { workspaceId: 'w1', day }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      activitySummary(readModel, member, { workspaceId: 'w3', day }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const all = await activitySummary(readModel, member, { workspaceId: 'all', day });
    // Only w2's contracts: c3 (mapped into w1 alone) stays out, c2 is not active yet.
    expect(all.contracts.map((c) => c.contractId)).toEqual(['c1']);
    const none = await activitySummary(readModel, scopeOf({ w1: ['Member'] }), {
      workspaceId: 'all',
      day,
    });
    expect(none).toEqual({ contracts: [], categories: [], asNeeded: [], benefits: [] });
  });

  it('provider staff see any existing workspace, 404 for an unknown one', async () => {
    const answer = await activitySummary(await view(), scopeOf('staff'), {
      workspaceId: 'w2',
      day: '2027-01-01',
    });
    expect(answer.contracts.map((c) => c.contractId)).toEqual(['c2']);
    await expect(
      activitySummary(await view(), scopeOf('staff'), { workspaceId: 'nope', day }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

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
});
