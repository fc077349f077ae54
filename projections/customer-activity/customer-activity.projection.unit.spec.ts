import { expectIdempotent, givenEvents } from '@hub/testing/projection/projection-specs';
import { customerActivityProjection } from './customer-activity.projection';
import {
  consumed,
  contractAdded,
  contractMapped,
  line,
  reversed,
  workspaceCreated,
} from './customer-activity.fixtures';

const history = [
  workspaceCreated('w1'),
  contractAdded('c1', [
    line('e1', 'reactive', 10),
    line('e2', 'proactive', 20.5),
    line('e3', 'advisory', 1, 'benefit'),
  ]),
  contractMapped('w1', 'c1'),
  consumed('k1', 'c1', 'e1', 4.25, { workspaceId: 'w1' }),
  consumed('k2', 'c1', 'e1', 0.1, { deliveredOn: '2026-02-02' }),
  consumed('k3', 'c1', 'e1', 0.2),
  reversed('k1', 'c1', 'e1', 4.25),
  consumed('kp', 'c1', 'pe1', 3, { packageId: 'p1' }),
];

const balance = (entitlementId: string, category: string, total: number, consumedH: number) => ({
  id: `c1/${entitlementId}`,
  contractId: 'c1',
  agreementId: 'a1',
  entitlementId,
  category,
  service: `${category} service ${entitlementId}`,
  description: `about ${entitlementId}`,
  unit: 'hours',
  totalMillionths: total,
  consumedMillionths: consumedH,
});

const record = (id: string, quantity: number, more: Record<string, unknown> = {}) => ({
  id,
  consumptionId: id,
  contractId: 'c1',
  entitlementId: 'e1',
  category: 'reactive',
  service: 'reactive service e1',
  unit: 'hours',
  quantityMillionths: quantity,
  deliveredOn: '2026-02-01',
  reference: { kind: 'case', id: `case-${id}` },
  workspaceId: null,
  deliveredHours: null,
  source: 'delivery-service',
  reversed: false,
  ...more,
});

const burn = (deliveredOn: string, loggedMillionths: number) => ({
  id: `c1/e1/${deliveredOn}`,
  contractId: 'c1',
  entitlementId: 'e1',
  deliveredOn,
  loggedMillionths,
});

describe('customer-activity projection', () => {
  it('keeps contracts, consumable balances in millionths net of reversals, every record, and mappings', () => {
    givenEvents(customerActivityProjection, history).then({
      contracts: {
        c1: {
          id: 'c1',
          contractId: 'c1',
          agreementId: 'a1',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          // Listed, never tracked (domain.md §4).
          benefits: [
            {
              entitlementId: 'e3',
              category: 'advisory',
              service: 'advisory service e3',
              description: 'about e3',
            },
          ],
        },
      },
      // The benefit line (e3) has no balance: nothing is tracked against it.
      balances: {
        'c1/e1': balance('e1', 'reactive', 10_000_000, 300_000),
        'c1/e2': balance('e2', 'proactive', 20_500_000, 0),
      },
      // The package record (kp) is the add-on section's, not this one's.
      records: {
        k1: record('k1', 4_250_000, { workspaceId: 'w1', reversed: true }),
        k2: record('k2', 100_000, { deliveredOn: '2026-02-02' }),
        k3: record('k3', 200_000),
      },
      // What each line logged per delivery day, reversed records included (netted at query time).
      daily_burn: {
        'c1/e1/2026-02-01': burn('2026-02-01', 4_450_000),
        'c1/e1/2026-02-02': burn('2026-02-02', 100_000),
      },
      workspace_mappings: {
        w1: { id: 'w1', workspaceId: 'w1', agreementId: 'a1', contractIds: ['c1'] },
      },
    });
  });

  it('sums 0.1 + 0.2 to exactly 300,000 millionths', () => {
    givenEvents(customerActivityProjection, history).thenDocuments((docs) => {
      expect(docs.balances['c1/e1'].consumedMillionths).toBe(300_000);
    });
  });

  it('counts consumption above the total in full (overage is derived at query time)', () => {
    givenEvents(customerActivityProjection, [
      contractAdded('c1', [line('e1', 'reactive', 1)]),
      consumed('k1', 'c1', 'e1', 3),
    ]).thenDocuments((docs) => expect(docs.balances['c1/e1'].consumedMillionths).toBe(3_000_000));
  });

  it('ignores a reversal of a record it never saw, and a second reversal of the same record', () => {
    givenEvents(customerActivityProjection, [
      contractAdded('c1', [line('e1', 'reactive', 10)]),
      consumed('k1', 'c1', 'e1', 2),
      reversed('k1', 'c1', 'e1', 2),
      reversed('k1', 'c1', 'e1', 2),
      reversed('unknown', 'c1', 'e1', 5),
    ]).thenDocuments((docs) => {
      expect(docs.balances['c1/e1'].consumedMillionths).toBe(0);
      expect(Object.keys(docs.records)).toEqual(['k1']);
    });
  });

  it('creates the mapping even when a mapping arrives before its workspace, and maps a contract once', () => {
    givenEvents(customerActivityProjection, [
      contractMapped('w2', 'c1'),
      contractMapped('w2', 'c1'),
      workspaceCreated('w2', 'a2'),
    ]).thenDocuments((docs) =>
      expect(docs.workspace_mappings.w2).toEqual({
        id: 'w2',
        workspaceId: 'w2',
        agreementId: 'a2',
        contractIds: ['c1'],
      }),
    );
  });

  it('keeps what was consumed when ContractAdded is delivered again later', () => {
    const added = contractAdded('c1', [line('e1', 'reactive', 10)]);
    givenEvents(customerActivityProjection, [
      added,
      consumed('k1', 'c1', 'e1', 2),
      added,
    ]).thenDocuments((docs) => expect(docs.balances['c1/e1'].consumedMillionths).toBe(2_000_000));
  });

  it('gives the same documents when every event is applied twice', () => {
    expectIdempotent(customerActivityProjection, history);
  });
});
