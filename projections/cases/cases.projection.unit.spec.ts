import { expectIdempotent, givenEvents } from '@hub/testing/projection/projection-specs';
import { casesProjection } from './cases.projection';
import {
  caseClosed,
  caseOpened,
  caseShared,
  firstResponse,
  groupAccessGranted,
  groupCreated,
} from './cases.fixtures';

const openedDoc = {
  id: 'c1',
  caseId: 'c1',
  workspaceId: 'w1',
  severity: 'B',
  caseType: 'problem-resolution',
  category: null,
  product: 'Azure Virtual Machines',
  title: 'Case c1',
  primaryContactUserId: 'contact',
  contractId: null,
  packageId: null,
  entitlementId: null,
  subscriptionId: null,
  onBehalfOf: null,
  filedByPartnerId: null,
  openedBy: 'contact',
  openedAt: '2026-03-02T10:00:00.000Z',
  initialResponseDueAt: '2026-03-02T14:00:00.000Z',
  respondedAt: null,
  responseTargetMet: null,
  breachedAt: null,
  language: 'en',
  status: 'open',
  closedAt: null,
  sharedWith: [],
  groupIds: [],
  listKey: '2026-03-02T10:00:00.000Z|c1',
};

const OPENED = '2026-03-02T10:00:00.000Z';
const viewer = (caseId: string, userId: string, admittedAt = OPENED, workspaceId = 'w1') => ({
  [`${caseId}:${userId}`]: { id: `${caseId}:${userId}`, caseId, workspaceId, userId, admittedAt },
});

describe('cases projection', () => {
  it('opens a case with its SLA target and admits its primary contact (rule c)', () => {
    givenEvents(casesProjection, [caseOpened('c1', 'w1')]).then({
      cases: { c1: openedDoc },
      case_viewers: viewer('c1', 'contact'),
    });
  });

  it('admits shared users (rule b) and members of a granted group of the same workspace (rule a)', () => {
    givenEvents(casesProjection, [
      groupCreated('w1', 'ops', ['ann', 'bob']),
      // Same group id in another workspace: its members must not be admitted to w1's case.
      groupCreated('w2', 'ops', ['mallory']),
      caseOpened('c1', 'w1'),
      caseShared('c1', 'sue'),
      groupAccessGranted('c1', 'ops'),
    ]).then({
      groups: {
        ops: {
          id: 'ops',
          groupId: 'ops',
          membersByWorkspace: { w1: ['ann', 'bob'], w2: ['mallory'] },
        },
      },
      cases: { c1: { ...openedDoc, sharedWith: ['sue'], groupIds: ['ops'] } },
      case_viewers: {
        ...viewer('c1', 'contact'),
        ...viewer('c1', 'sue', '2026-03-02T11:00:00.000Z'),
        ...viewer('c1', 'ann', '2026-03-02T11:30:00.000Z'),
        ...viewer('c1', 'bob', '2026-03-02T11:30:00.000Z'),
      },
    });
  });

  it('restarts the response target on a severity change, then records the response and the closing', () => {
    givenEvents(casesProjection, [
      caseOpened('c1', 'w1'),
      {
        type: 'CaseSeverityChanged',
        data: {
          caseId: 'c1',
          from: 'B',
          to: 'A',
          changedAt: '2026-03-02T11:00:00.000Z',
          initialResponseDueAt: '2026-03-02T13:00:00.000Z',
        },
      },
      firstResponse('c1', '2026-03-02T12:00:00.000Z', true),
      caseClosed('c1', '2026-03-03T09:00:00.000Z'),
    ]).then({
      cases: {
        c1: {
          ...openedDoc,
          severity: 'A',
          initialResponseDueAt: '2026-03-02T13:00:00.000Z',
          respondedAt: '2026-03-02T12:00:00.000Z',
          responseTargetMet: true,
          status: 'closed',
          closedAt: '2026-03-03T09:00:00.000Z',
        },
      },
      case_viewers: viewer('c1', 'contact'),
    });
  });

  it('a severity change after a breach keeps the breach', () => {
    givenEvents(casesProjection, [
      caseOpened('c1', 'w1'),
      {
        type: 'CaseSeverityChanged',
        data: {
          caseId: 'c1',
          from: 'B',
          to: 'C',
          changedAt: '2026-03-02T14:30:00.000Z',
          initialResponseDueAt: '2026-03-02T22:30:00.000Z',
          breachedAt: '2026-03-02T14:00:00.000Z',
        },
      },
      {
        type: 'CaseSeverityChanged',
        data: {
          caseId: 'c1',
          from: 'C',
          to: 'B',
          changedAt: '2026-03-02T15:00:00.000Z',
          initialResponseDueAt: '2026-03-02T19:00:00.000Z',
        },
      },
      firstResponse('c1', '2026-03-02T15:30:00.000Z', true),
    ]).thenDocuments((docs) =>
      expect(docs.cases.c1).toMatchObject({
        initialResponseDueAt: '2026-03-02T19:00:00.000Z',
        responseTargetMet: true,
        breachedAt: '2026-03-02T14:00:00.000Z',
      }),
    );
  });

  it("keeps the first breach the hub's clock recorded, through a later one", () => {
    const breached = (at: string) => ({
      type: 'CaseTargetBreached',
      data: { caseId: 'c1', initialResponseDueAt: at, breachedAt: at },
    });
    givenEvents(casesProjection, [
      caseOpened('c1', 'w1'),
      breached('2026-03-02T14:00:00.000Z'),
      breached('2026-03-02T18:00:00.000Z'),
    ] as never).thenDocuments((docs) =>
      expect(docs.cases.c1.breachedAt).toBe('2026-03-02T14:00:00.000Z'),
    );
  });

  it('a late first response records the breach at the target it missed', () => {
    givenEvents(casesProjection, [
      caseOpened('c1', 'w1'),
      firstResponse('c1', '2026-03-02T15:00:00.000Z', false),
    ]).thenDocuments((docs) => expect(docs.cases.c1.breachedAt).toBe('2026-03-02T14:00:00.000Z'));
  });

  it('a removed member leaves the groups of that workspace, so a later grant does not admit them', () => {
    givenEvents(casesProjection, [
      groupCreated('w1', 'ops', ['ann', 'bob']),
      caseOpened('c1', 'w1'),
      {
        type: 'WorkspaceMemberRemoved',
        data: {
          workspaceId: 'w1',
          userId: 'bob',
          groupIds: ['ops'],
          removedBy: 'admin',
          removedAt: '2026-03-02T11:00:00.000Z',
        },
      },
      groupAccessGranted('c1', 'ops'),
    ]).thenDocuments((docs) => {
      expect(docs.groups.ops.membersByWorkspace).toEqual({ w1: ['ann'] });
      expect(Object.keys(docs.case_viewers).sort()).toEqual(['c1:ann', 'c1:contact']);
    });
  });

  it('keeps a partner-filed case with the partner contact and support plan', () => {
    const onBehalfOf = {
      partnerId: 'p1',
      customerOrgId: 'org-1',
      partnerContact: { name: 'Pat', email: 'pat@partner.example', phone: '+1 555' },
      supportPlan: 'cloud-solution-provider',
    };
    givenEvents(casesProjection, [caseOpened('c1', 'w1', { onBehalfOf })]).thenDocuments((docs) =>
      expect(docs.cases.c1.onBehalfOf).toEqual(onBehalfOf),
    );
  });

  it('gives the same documents when every event is applied twice', () => {
    expectIdempotent(casesProjection, [
      groupCreated('w1', 'ops', ['ann']),
      caseOpened('c1', 'w1'),
      caseShared('c1', 'sue'),
      caseShared('c1', 'sue'),
      groupAccessGranted('c1', 'ops'),
      firstResponse('c1', '2026-03-02T15:00:00.000Z', false),
      caseClosed('c1', '2026-03-03T09:00:00.000Z'),
    ]);
  });
});
