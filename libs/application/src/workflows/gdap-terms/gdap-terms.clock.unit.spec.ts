import { UserId } from '@hub/domain';
import { relationshipId, requested as requestedFact } from '@hub/domain/gdap/gdap-term.fixtures';
import { GdapRelationshipApproved, GdapRelationshipTerminated } from '@hub/domain/gdap/gdap.events';
import { clockAt, on, onTheClock } from '@hub/testing/clock-given-when-then';
import { gdapTermNotices } from '../gdap-term-notices/gdap-term-notices.workflow';
import { gdapTerms } from './gdap-terms.workflow';

// Rows "a GDAP relationship is 30, 7 and 1 days from its end; and at its end" and "a GDAP
// request is still pending 90 days after it was made" (domain.md §9).
const stream = 'gdap-rel-1';
const requested = (autoExtend = false) => on(stream, requestedFact(autoExtend));
const approved = on(stream, {
  type: 'GdapRelationshipApproved',
  data: {
    relationshipId,
    approvedBy: 'ca-1' as UserId,
    approvedAt: '2026-03-02T09:00:00.000Z',
    endsAt: '2026-04-11T09:00:00.000Z',
  },
} as GdapRelationshipApproved);
const terminated = (at: string) =>
  on(stream, {
    type: 'GdapRelationshipTerminated',
    data: { relationshipId, terminatedBy: 'pa-1' as UserId, terminatedAt: at, by: 'partner' },
  } as GdapRelationshipTerminated);
const END = '2026-04-11T09:00:00.000Z';
const expiring = (daysLeft: number, noticedAt: string, endsAt = END) => ({
  type: 'GdapRelationshipExpiring',
  data: { relationshipId, daysLeft, endsAt, noticedAt },
});
const notices = [
  expiring(30, '2026-03-12T09:00:00.000Z'),
  expiring(7, '2026-04-04T09:00:00.000Z'),
  expiring(1, '2026-04-10T09:00:00.000Z'),
];
const partner = { email: 'pa@partner.example', userId: 'pa-1' };
const customer = { email: 'sa@contoso.example' };
const clock = onTheClock([gdapTerms, gdapTermNotices], () => ({
  gdapRecipients: async () => ({ partner: [partner], customer: [customer] }),
}));

describe("on the clock: a GDAP relationship's term", () => {
  it('gives the 30-day notice at its time and not before', async () => {
    await clock
      .given(requested(), approved)
      .when(clockAt('2026-03-12T08:59:59.999Z'))
      .thenRecords([]);
    await clock
      .given(requested(), approved)
      .when(clockAt('2026-03-12T09:00:00.000Z'))
      .thenRecords([notices[0]]);
  });

  it('gives the 30/7/1-day notices and then the end, each once', async () => {
    await clock
      .given(requested(), approved)
      .when(clockAt('2026-04-10T12:00:00.000Z'), clockAt('2026-04-11T08:59:59.999Z'))
      .thenRecords(notices);
    await clock
      .given(requested(), approved)
      .when(clockAt(END), clockAt(END), clockAt('2026-12-31T00:00:00.000Z'))
      .thenRecords([
        ...notices,
        { type: 'GdapRelationshipExpired', data: { relationshipId, endsAt: END, expiredAt: END } },
      ]);
  });

  it('with autoExtend, extends by 180 days at the end and puts the next term on the schedule', async () => {
    const next = '2026-10-08T09:00:00.000Z';
    await clock
      .given(requested(true), approved)
      .when(clockAt(END), clockAt('2026-09-08T09:00:00.000Z'))
      .thenRecords([
        ...notices,
        {
          type: 'GdapRelationshipExtended',
          data: { relationshipId, previousEndsAt: END, endsAt: next, extendedAt: END },
        },
        expiring(30, '2026-09-08T09:00:00.000Z', next),
      ]);
  });

  it('a termination before the end cancels the notices and the end', async () => {
    await clock
      .given(requested(), approved)
      .when(
        clockAt('2026-03-12T09:00:00.000Z'),
        terminated('2026-03-20T00:00:00.000Z'),
        clockAt('2026-12-31T00:00:00.000Z'),
      )
      .thenRecords([notices[0]]);
  });

  it('tells the partner admin and the customer administrators', async () => {
    await clock
      .given(requested(), approved)
      .when(clockAt('2026-03-12T09:00:00.000Z'))
      .thenNotifies([
        { kind: 'gdap_expiring', to: partner.email, userId: partner.userId },
        { kind: 'gdap_expiring', to: customer.email },
      ]);
  });
});

describe('on the clock: a GDAP request nobody approves', () => {
  const lapsed = {
    type: 'GdapRequestLapsed',
    data: {
      relationshipId,
      approvalDeadline: '2026-05-31T09:00:00.000Z',
      lapsedAt: '2026-05-31T09:00:00.001Z',
    },
  };

  it('lapses the instant after its 90 days, not before, once; told to the partner admin alone', async () => {
    await clock.given(requested()).when(clockAt('2026-05-31T09:00:00.000Z')).thenRecords([]);
    await clock
      .given(requested())
      .when(clockAt('2026-05-31T09:00:00.001Z'), clockAt('2026-07-01T00:00:00.000Z'))
      .thenRecords([lapsed]);
    await clock
      .given(requested())
      .when(clockAt('2026-06-01T00:00:00.000Z'))
      .thenNotifies([{ kind: 'gdap_request_lapsed', to: partner.email }]);
  });

  it('an approval or a withdrawal within the 90 days cancels the lapse', async () => {
    await clock
      .given(requested())
      .when(terminated('2026-03-05T00:00:00.000Z'), clockAt('2026-07-01T00:00:00.000Z'))
      .thenRecords([]);
    const outcome = await clock
      .given(requested(), approved)
      .when(clockAt('2026-03-02T10:00:00.000Z'))
      .thenRecords([]);
    expect(outcome.pending.map((t) => t.key)).not.toContain('gdap-term:rel-1:lapse');
  });
});
