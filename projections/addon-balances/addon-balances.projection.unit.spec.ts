import { expectIdempotent, givenEvents } from '@hub/testing/projection/projection-specs';
import {
  consumed,
  line,
  packageMapped,
  reversed,
  workspaceCreated,
} from '../customer-activity/customer-activity.fixtures';
import { PackageDoc } from './addon-balances.documents';
import { addonBalancesProjection } from './addon-balances.projection';
import { packagePurchased, packageWithdrawn } from './addon-balances.fixtures';

const history = [
  workspaceCreated('w1'),
  packagePurchased('p1', 'c1', '2026-06-30', [
    line('e1', 'proactive', 10),
    line('e2', 'advisory', 2, 'benefit'),
  ]),
  packageMapped('w1', 'p1'),
  consumed('k1', 'c1', 'e1', 2.5, { packageId: 'p1', category: 'proactive' }),
  consumed('k2', 'c1', 'e1', 9, { packageId: 'p1', category: 'proactive' }),
  reversed('k1', 'c1', 'e1', 2.5, 'p1'),
  // A contract line with the same entitlement id is the enterprise-wide section's, not this one's.
  consumed('k3', 'c1', 'e1', 4),
  packageWithdrawn('p1', 'c1'),
];

describe('addon-balances projection', () => {
  it('keeps each package with consumable balances net of reversals, benefits apart, withdrawal and mappings', () => {
    givenEvents(addonBalancesProjection, history).then({
      packages: {
        p1: {
          id: 'p1',
          packageId: 'p1',
          contractId: 'c1',
          agreementId: 'a1',
          name: 'Package p1',
          expiresOn: '2026-06-30',
          withdrawn: true,
          withdrawnAt: '2026-04-01T00:00:00Z',
          consumables: [
            {
              entitlementId: 'e1',
              category: 'proactive',
              service: 'proactive service e1',
              description: 'about e1',
              unit: 'hours',
              totalMillionths: 10_000_000,
              consumedMillionths: 9_000_000,
            },
          ],
          benefits: [
            { entitlementId: 'e2', service: 'advisory service e2', description: 'about e2' },
          ],
        },
      },
      records: {
        k1: {
          id: 'k1',
          consumptionId: 'k1',
          packageId: 'p1',
          entitlementId: 'e1',
          quantityMillionths: 2_500_000,
          deliveredOn: '2026-02-01',
          reversed: true,
          contractId: 'c1',
          unit: 'hours',
          reference: { kind: 'case', id: 'case-k1' },
          workspaceId: null,
          deliveredHours: null,
          source: 'delivery-service',
        },
        k2: {
          id: 'k2',
          consumptionId: 'k2',
          packageId: 'p1',
          entitlementId: 'e1',
          quantityMillionths: 9_000_000,
          deliveredOn: '2026-02-01',
          reversed: false,
          contractId: 'c1',
          unit: 'hours',
          reference: { kind: 'case', id: 'case-k2' },
          workspaceId: null,
          deliveredHours: null,
          source: 'delivery-service',
        },
      },
      workspace_mappings: {
        w1: { id: 'w1', workspaceId: 'w1', agreementId: 'a1', packageIds: ['p1'] },
      },
    });
  });

  it('keeps consumption when the purchase is delivered again later', () => {
    const purchase = packagePurchased('p1', 'c1', '2026-06-30', [line('e1', 'proactive', 10)]);
    givenEvents(addonBalancesProjection, [
      purchase,
      consumed('k1', 'c1', 'e1', 1, { packageId: 'p1' }),
      purchase,
    ]).thenDocuments((docs) =>
      expect((docs.packages.p1 as PackageDoc).consumables[0].consumedMillionths).toBe(1_000_000),
    );
  });

  it('gives the same documents when every event is applied twice', () => {
    expectIdempotent(addonBalancesProjection, history);
  });
});
