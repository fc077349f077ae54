import { CategoryRow, activitySummary } from './customer-activity.queries';
import { ContractDoc } from './customer-activity.documents';
import { burnedByLine, lineKey } from './customer-activity.forecast';
import { scopeOf } from './customer-activity.spec-view';

import { day, view, w1Admin } from './customer-activity.queries.fixtures';

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

  it("burns each line's daily sums of the 90 days less the records of the window reversed since", async () => {
    const c1 = { contractId: 'c1' } as ContractDoc;
    const burned = await burnedByLine(await view(), [c1], '2026-03-31');
    // e1: 6 + 7.5 + 2 logged on three days, the 2 reversed; e2: 1.25.
    expect(burned.get(lineKey('c1', 'e1'))).toBe(13.5);
    expect(burned.get(lineKey('c1', 'e2'))).toBe(1.25);
    // Past the window (90 days after 2026-03-03), nothing is burned, the reversal included.
    const later = await burnedByLine(await view(), [c1], '2026-06-02');
    expect(later.get(lineKey('c1', 'e1')) ?? 0).toBe(0);
  });
});
