import { expectIdempotent, givenEvents } from '@hub/testing/projection/projection-specs';
import { memoryView } from '@hub/projections/cases/cases.fixtures';
import { partnerRelationsProjection } from './partner-relations.projection';
import {
  RelationsCaller,
  gdapRelationships,
  readOnlySessions,
  serviceHealth,
} from './partner-relations.queries';

const history = [
  {
    type: 'AgreementActivated',
    data: { agreementId: 'a1', customer: { orgId: 'org-1', name: 'Contoso' } },
  },
  {
    type: 'CustomerAdministratorAppointed',
    data: { agreementId: 'a1', userId: 'u-sa', appointedAt: '2026-01-01T00:00:00.000Z' },
  },
  {
    type: 'GdapRelationshipRequested',
    data: {
      relationshipId: 'r1',
      partnerId: 'p1',
      customerOrgId: 'org-1',
      roles: ['ServiceSupportAdministrator'],
      durationDays: 30,
      autoExtend: true,
      requestedBy: 'pa',
      requestedAt: '2026-03-01T00:00:00.000Z',
      approvalDeadline: '2026-05-30T00:00:00.000Z',
    },
  },
  {
    type: 'GdapRelationshipApproved',
    data: {
      relationshipId: 'r1',
      approvedBy: 'u-sa',
      approvedAt: '2026-03-02T00:00:00.000Z',
      endsAt: '2026-04-01T00:00:00.000Z',
    },
  },
  {
    type: 'ServiceIncidentRecorded',
    data: {
      incidentId: 'i1',
      orgId: 'org-1',
      workload: 'exchange-online',
      status: 'investigating',
      title: 'Mail delayed',
      startedAt: '2026-03-03T09:00:00.000Z',
      reportedAt: '2026-03-03T09:05:00.000Z',
    },
  },
  {
    type: 'ReadOnlySessionOpened',
    data: {
      sessionId: 's1',
      partnerId: 'p1',
      orgId: 'org-1',
      agentUserId: 'agent-1',
      openedAt: '2026-03-03T10:00:00.000Z',
      endsAt: '2026-03-03T11:00:00.000Z',
    },
  },
  {
    type: 'ReadOnlyAccessConsentWithdrawn',
    data: {
      orgId: 'org-1',
      partnerId: 'p1',
      withdrawnBy: 'u-sa',
      withdrawnAt: '2026-03-03T10:20:00.000Z',
    },
  },
];

const customerAdmin: RelationsCaller = {
  userId: 'u-sa',
  all: false,
  orgKind: 'customer',
  orgId: 'org-1',
  roles: [],
};
const agent: RelationsCaller = {
  userId: 'agent-1',
  all: false,
  orgKind: 'partner',
  orgId: 'p1',
  roles: ['AdminAgent'],
};
const during = new Date('2026-03-10T00:00:00.000Z');
const after = new Date('2026-04-02T00:00:00.000Z');

describe('partner-relations read model (domain.md §6, §7)', () => {
  const view = () => memoryView(partnerRelationsProjection, history);

  it('lists a GDAP relationship to both sides with its status as of now, and autoExtend', async () => {
    const partnerSide = await gdapRelationships(await view(), agent, {}, during);
    expect(partnerSide.relationships).toEqual([
      expect.objectContaining({ relationshipId: 'r1', status: 'active', autoExtend: true }),
    ]);
    const customerSide = await gdapRelationships(await view(), customerAdmin, {}, after);
    expect(customerSide.relationships.map((r) => r.status)).toEqual(['expired']);
    await expect(
      gdapRelationships(await view(), { ...agent, orgId: 'p2' }, { partnerId: 'p1' }, during),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('service health is for the customer administrators and a partner AdminAgent under active GDAP only', async () => {
    expect((await serviceHealth(await view(), customerAdmin, 'org-1', during)).incidents).toEqual([
      expect.objectContaining({ incidentId: 'i1', status: 'investigating', endedAt: null }),
    ]);
    await expect(serviceHealth(await view(), agent, 'org-1', during)).resolves.toBeDefined();
    await expect(serviceHealth(await view(), agent, 'org-1', after)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('lists read-only sessions to the customer administrators, ended by the withdrawal', async () => {
    const { sessions } = await readOnlySessions(await view(), customerAdmin, 'org-1', during);
    expect(sessions).toEqual([
      {
        sessionId: 's1',
        agentUserId: 'agent-1',
        partnerId: 'p1',
        openedAt: '2026-03-03T10:00:00.000Z',
        endedAt: '2026-03-03T10:20:00.000Z',
        endedBecause: 'consent-withdrawn',
      },
    ]);
    await expect(readOnlySessions(await view(), agent, 'org-1', during)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('drops a removed Customer Administrator', () => {
    givenEvents(partnerRelationsProjection, [
      ...history,
      {
        type: 'CustomerAdministratorRemoved',
        data: { agreementId: 'a1', userId: 'u-sa', removedBy: 'x', removedAt: 'y' },
      },
    ]).thenDocuments((docs) => expect(docs.org_admins ?? {}).toEqual({}));
  });

  it('gives the same documents when every event is applied twice', () => {
    expectIdempotent(partnerRelationsProjection, history);
  });
});
