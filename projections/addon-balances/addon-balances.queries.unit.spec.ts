import {
  consumed,
  line,
  packageMapped,
  workspaceCreated,
} from '../customer-activity/customer-activity.fixtures';
import { scopeOf, viewOf } from '../customer-activity/customer-activity.spec-view';
import { addonQuery } from './addon-balances.controller';
import { packagesCsv } from './addon-balances.csv';
import { packagePurchased, packageWithdrawn } from './addon-balances.fixtures';
import { addonBalancesProjection } from './addon-balances.projection';
import { addonPackages } from './addon-balances.queries';
import { packageRecords } from './addon-package-records';

const history = [
  workspaceCreated('w1'),
  workspaceCreated('w2'),
  packagePurchased('p1', 'c1', '2026-12-31', [
    line('e1', 'proactive', 10),
    line('e2', 'advisory', 1, 'benefit'),
  ]),
  packagePurchased('p2', 'c1', '2026-03-31', [line('e1', 'education', 5, 'consumable', 'seats')]),
  packagePurchased('p3', 'c2', '2026-12-31', [line('e1', 'reactive', 4)]),
  packagePurchased('p4', 'c2', '2026-12-31', [line('e1', 'reactive', 4)]),
  packageMapped('w1', 'p1'),
  packageMapped('w1', 'p2'),
  packageMapped('w1', 'p3'),
  packageMapped('w2', 'p4'),
  packageMapped('w2', 'p1'),
  consumed('k1', 'c1', 'e1', 12.25, { packageId: 'p1', category: 'proactive' }),
  packageWithdrawn('p3', 'c2'),
];

const day = '2026-06-01';
const admin = scopeOf({ w1: ['WorkspaceAdministrator'] });

describe('addon-balances queries', () => {
  it('forecasts each consumable from its trailing 90 days, against the package end', async () => {
    const view = await viewOf(addonBalancesProjection, [
      workspaceCreated('w1'),
      packagePurchased('p5', 'c1', '2026-06-30', [line('e1', 'proactive', 20)]),
      packageMapped('w1', 'p5'),
      consumed('k5', 'c1', 'e1', 9, {
        packageId: 'p5',
        category: 'proactive',
        deliveredOn: '2026-02-15',
      }),
    ]);
    const march = { workspaceId: 'w1', day: '2026-03-01' };
    const { packages } = await addonPackages(view, admin, march, {});
    // 9 h in 90 days: 0.1 h/day; 11 h left last 110 days (2026-06-19), before 2026-06-30.
    expect(packages[0].consumables[0]).toMatchObject({
      remaining: 11,
      burnRatePerDay: 0.1,
      exhaustsOn: '2026-06-19',
      exhaustsBeforeEnd: true,
    });
    const later = await addonPackages(view, admin, { workspaceId: 'w1', day: '2026-06-01' }, {});
    expect(later.packages[0].consumables[0]).toMatchObject({ burnRatePerDay: 0, exhaustsOn: null });
  });

  it('answers each package with state on the day, consumables with remaining and overage, benefits apart', async () => {
    const view = await viewOf(addonBalancesProjection, history);
    const { packages } = await addonPackages(view, admin, { workspaceId: 'w1', day }, {});
    expect(packages.map((p) => [p.packageId, p.state])).toEqual([
      ['p2', 'inactive'], // expired on 2026-03-31
      ['p1', 'active'],
      ['p3', 'inactive'], // withdrawn
    ]);
    const p1 = packages.find((p) => p.packageId === 'p1')!;
    expect(p1.consumables).toEqual([
      expect.objectContaining({
        entitlementId: 'e1',
        unit: 'hours',
        total: 10,
        consumed: 12.25,
        remaining: 0,
        overage: 2.25,
      }),
    ]);
    expect(p1.benefits).toEqual([
      { entitlementId: 'e2', service: 'advisory service e2', description: 'about e2' },
    ]);
  });

  it('filters by contract, package and state; a package is active through its expiry day', async () => {
    const view = await viewOf(addonBalancesProjection, history);
    const select = (filters: object, selection: object = {}) =>
      addonPackages(view, admin, { workspaceId: 'w1', day, ...selection }, filters).then((a) =>
        a.packages.map((p) => p.packageId),
      );
    expect(await select({}, { contractId: 'c2' })).toEqual(['p3']);
    expect(await select({ packageId: 'p2' })).toEqual(['p2']);
    expect(await select({ state: 'active' })).toEqual(['p1']);
    expect(await select({ state: 'active' }, { day: '2026-03-31' })).toEqual(['p2', 'p1']);
  });

  it("shows only packages mapped into the caller's workspaces; staff see all", async () => {
    const view = await viewOf(addonBalancesProjection, history);
    const w2 = scopeOf({ w1: ['Member'], w2: ['CustomerActivity'] });
    const ids = (answer: { packages: { packageId: string }[] }) =>
      answer.packages.map((p) => p.packageId).sort();
    expect(ids(await addonPackages(view, w2, { workspaceId: 'all', day }, {}))).toEqual([
      'p1',
      'p4',
    ]);
    await expect(addonPackages(view, w2, { workspaceId: 'w1', day }, {})).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(addonPackages(view, w2, { workspaceId: 'w9', day }, {})).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(
      ids(await addonPackages(view, scopeOf('staff'), { workspaceId: 'all', day }, {})),
    ).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('validates the state filter and exports the grid as CSV', async () => {
    expect(() => addonQuery({ state: 'expired' }, new Date('2026-04-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ details: { state: expect.any(Array) } }),
    );
    const view = await viewOf(addonBalancesProjection, history);
    const { packages } = await addonPackages(
      view,
      admin,
      { workspaceId: 'w1', day },
      { packageId: 'p1' },
    );
    expect(packagesCsv(packages).split('\r\n').slice(1, 3)).toEqual([
      'p1,c1,Package p1,2026-12-31,active,consumable,e1,proactive service e1,about e1,hours,10.00,12.25,0.00,2.25',
      'p1,c1,Package p1,2026-12-31,active,benefit,e2,advisory service e2,about e2,,,,,',
    ]);
  });

  it("answers an add-on package's consumption grid, and 404 for a package outside the workspaces", async () => {
    const view = await viewOf(addonBalancesProjection, history);
    const answer = await packageRecords(view, admin, { workspaceId: 'w1', day }, 'p1', {
      limit: 10,
    });
    expect(answer.records).toEqual([
      expect.objectContaining({ consumptionId: 'k1', quantity: 12.25, entitlementId: 'e1' }),
    ]);
    await expect(
      packageRecords(view, admin, { workspaceId: 'w1', day }, 'p4', { limit: 10 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
