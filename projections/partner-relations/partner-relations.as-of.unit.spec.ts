import { memoryView, scopeOf } from '@hub/projections/cases/cases.fixtures';
import { partnerRelationsAsOf } from './partner-relations.as-of';
import { partnerRelationsProjection } from './partner-relations.projection';

const requested = (relationshipId: string, customerOrgId: string, autoExtend: boolean) => ({
  type: 'GdapRelationshipRequested',
  data: {
    relationshipId,
    partnerId: 'p1',
    customerOrgId,
    roles: ['ServiceSupportAdministrator'],
    durationDays: 30,
    autoExtend,
    requestedBy: 'pa',
    requestedAt: '2026-03-01T00:00:00.000Z',
    approvalDeadline: '2026-05-30T00:00:00.000Z',
  },
});
const approved = (relationshipId: string) => ({
  type: 'GdapRelationshipApproved',
  data: {
    relationshipId,
    approvedBy: 'u-sa',
    approvedAt: '2026-03-02T00:00:00.000Z',
    endsAt: '2026-04-01T00:00:00.000Z',
  },
});
const extended = {
  type: 'GdapRelationshipExtended',
  data: {
    relationshipId: 'r1',
    previousEndsAt: '2026-04-01T00:00:00.000Z',
    endsAt: '2026-09-28T00:00:00.000Z',
    extendedAt: '2026-04-01T00:00:00.000Z',
  },
};
const history = [
  requested('r1', 'org-1', true),
  approved('r1'),
  requested('r2', 'org-2', false),
  approved('r2'),
  extended,
];
const NOW = new Date('2026-12-07T00:00:00.000Z');
const statuses = (answer: unknown) =>
  Object.fromEntries(
    (answer as { relationships: { relationshipId: string; status: string }[] }).relationships.map(
      (r) => [r.relationshipId, r.status],
    ),
  );

/** Partner relations look no address up; a call would be a bug. */
const noAddressLookups = (): string => {
  throw new Error('partner-relations looked an address up');
};

describe('partner-relations as of a past moment (auditors)', () => {
  const auditor = scopeOf('auditor', {}, true);

  it('an automatic extension moves the end: the relationship stays active past its first end', async () => {
    const view = await memoryView(partnerRelationsProjection, history);
    const answer = await partnerRelationsAsOf(
      view,
      auditor,
      { asOf: '2026-05-01T00:00:00.000Z' },
      NOW,
      noAddressLookups,
    );
    expect(statuses(answer)).toEqual({ r1: 'active', r2: 'expired' });
    expect((answer as { relationships: { endsAt: string }[] }).relationships).toContainEqual(
      expect.objectContaining({ relationshipId: 'r1', endsAt: '2026-09-28T00:00:00.000Z' }),
    );
  });

  it('judges statuses at the asOf instant, not at the hub clock', async () => {
    const view = await memoryView(partnerRelationsProjection, history.slice(0, 4));
    const then = await partnerRelationsAsOf(
      view,
      auditor,
      { asOf: '2026-03-10T00:00:00.000Z' },
      NOW,
      noAddressLookups,
    );
    expect(statuses(then)).toEqual({ r1: 'active', r2: 'active' });
  });

  it("a customer organisation's Auditor reads only the relationships of their organisation", async () => {
    const view = await memoryView(partnerRelationsProjection, history);
    const orgAuditor = { ...scopeOf('aud', {}), auditedOrgId: 'org-2' };
    const answer = await partnerRelationsAsOf(
      view,
      orgAuditor,
      { asOf: '2026-03-10T00:00:00.000Z', partnerId: 'p1' },
      NOW,
      noAddressLookups,
    );
    expect(Object.keys(statuses(answer))).toEqual(['r2']);
    await expect(
      partnerRelationsAsOf(
        view,
        orgAuditor,
        { asOf: '1', customerOrgId: 'org-1' },
        NOW,
        noAddressLookups,
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('answers 400 validation_failed for an unknown route or one without its organisation', async () => {
    const view = await memoryView(partnerRelationsProjection, history);
    await expect(
      partnerRelationsAsOf(view, auditor, { asOf: '1', route: 'nope' }, NOW, noAddressLookups),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { route: expect.anything() } });
    await expect(
      partnerRelationsAsOf(
        view,
        auditor,
        { asOf: '1', route: 'service-health' },
        NOW,
        noAddressLookups,
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { orgId: expect.anything() } });
  });
});
