import { expectIdempotent, givenEvents } from '@hub/testing/projection/projection-specs';
import { extraCasesProjection } from './extra-cases.projection';
import {
  caseOpened,
  contractAdded,
  contractMapped,
  packageMapped,
  packagePurchased,
  workspaceCreated,
} from './extra-cases.fixtures';

const history = [
  workspaceCreated('w1'),
  contractAdded('k1', '2026-12-31'),
  packagePurchased('p1', 'k1'),
  contractMapped('w1', 'k1'),
  packageMapped('w1', 'p1'),
  caseOpened('c1', 'w1', { contractId: 'k1', entitlementId: 'prs', category: 'SU' }),
];

describe('extra-cases projection', () => {
  it('keeps what cases name, and the contracts, packages and mappings to judge them against', () => {
    const prs = { entitlementId: 'prs', service: 'Problem Resolution Support', kind: 'consumable' };
    givenEvents(extraCasesProjection, history).then({
      workspaces: {
        w1: {
          id: 'w1',
          workspaceId: 'w1',
          agreementId: 'a1',
          mappedContracts: { k1: '2026-01-02T00:00:00.000Z' },
          mappedPackages: { p1: '2026-01-02T00:00:00.000Z' },
        },
      },
      contracts: {
        k1: {
          id: 'k1',
          contractId: 'k1',
          agreementId: 'a1',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          entitlements: [prs],
          knownSince: '2026-01-01T00:00:00.000Z',
        },
      },
      packages: {
        p1: {
          id: 'p1',
          packageId: 'p1',
          contractId: 'k1',
          agreementId: 'a1',
          expiresOn: '2026-12-31',
          entitlements: [{ entitlementId: 'adv', service: 'Advisory Hours', kind: 'consumable' }],
          knownSince: '2026-01-02T00:00:00.000Z',
        },
      },
      cases: {
        c1: {
          id: 'c1',
          caseId: 'c1',
          workspaceId: 'w1',
          caseType: 'advisory',
          category: 'SU',
          product: 'Exchange Online',
          title: 'Case c1',
          contractId: 'k1',
          packageId: null,
          entitlementId: 'prs',
          openedAt: '2026-03-03T10:00:00.000Z',
          viewers: [{ userId: 'u1', admittedAt: '2026-03-03T10:00:00.000Z' }],
        },
      },
    });
  });

  const admissions = [
    {
      type: 'GroupCreated',
      data: {
        groupId: 'g1',
        workspaceId: 'w1',
        name: 'Ops',
        memberUserIds: ['ann'],
        createdAt: '2026-03-03T11:00:00.000Z',
      },
    },
    {
      type: 'CaseShared',
      data: { caseId: 'c1', userId: 'sue', sharedBy: 'u1', sharedAt: '2026-03-03T11:00:00.000Z' },
    },
    {
      type: 'CaseGroupAccessGranted',
      data: { caseId: 'c1', groupId: 'g1', grantedBy: 'u1', grantedAt: '2026-03-03T11:00:00.000Z' },
    },
  ];

  it('admits the people a case was shared with and the members of a granted group by name, with when', () => {
    givenEvents(extraCasesProjection, [...history, ...admissions]).thenDocuments((docs) =>
      expect(docs.cases.c1.viewers).toEqual([
        { userId: 'u1', admittedAt: '2026-03-03T10:00:00.000Z' },
        { userId: 'sue', admittedAt: '2026-03-03T11:00:00.000Z' },
        { userId: 'ann', admittedAt: '2026-03-03T11:00:00.000Z' },
      ]),
    );
  });

  it('keeps when a contract was first mapped into a workspace: a repeated mapping does not move it', () => {
    const later = {
      ...contractMapped('w1', 'k1'),
      data: { workspaceId: 'w1', contractId: 'k1', mappedAt: '2026-05-01T00:00:00.000Z' },
    };
    givenEvents(extraCasesProjection, [...history, later]).thenDocuments((docs) =>
      expect(docs.workspaces.w1.mappedContracts).toEqual({ k1: '2026-01-02T00:00:00.000Z' }),
    );
  });

  it('gives the same documents when every event is applied twice', () => {
    expectIdempotent(extraCasesProjection, [...history, contractMapped('w1', 'k1'), ...admissions]);
  });
});
