import { OrgId, PartnerId, UserId } from '@hub/domain';
import { ReadOnlySessionOpened } from '@hub/domain/helpdesk/readonly-session.events';
import { ReadOnlyAccessConsentWithdrawn } from '@hub/domain/subscriptions/customer-subscriptions.events';
import { clockAt, on, onTheClock } from '@hub/testing/clock-given-when-then';
import { readOnlySessionNotices, readOnlySessionTerms } from './readonly-session-terms.workflow';

// Row "a read-only session reaches one hour" (domain.md §9).
const session = {
  sessionId: 's-1',
  partnerId: 'p-1' as PartnerId,
  orgId: 'org-1' as OrgId,
  agentUserId: 'agent-1' as UserId,
};
const ENDS = '2026-03-02T11:00:00.000Z';
const opened = on('readonly-session-s-1', {
  type: 'ReadOnlySessionOpened',
  data: { ...session, openedAt: '2026-03-02T10:00:00.000Z', endsAt: ENDS },
} as ReadOnlySessionOpened);
const withdrawn = (partnerId: string) =>
  on('customer-org-1', {
    type: 'ReadOnlyAccessConsentWithdrawn',
    data: {
      orgId: 'org-1' as OrgId,
      partnerId: partnerId as PartnerId,
      withdrawnBy: 'ca-1' as UserId,
      withdrawnAt: '2026-03-02T10:30:00.000Z',
    },
  } as ReadOnlyAccessConsentWithdrawn);
const expired = {
  type: 'ReadOnlySessionExpired',
  data: { ...session, endsAt: ENDS, expiredAt: ENDS },
};
const agent = { email: 'agent@partner.example', userId: 'agent-1' };
const clock = onTheClock([readOnlySessionTerms, readOnlySessionNotices], () => ({
  openerOf: async () => [agent],
}));

describe('on the clock: a read-only session', () => {
  it('expires at its hour and not before, once', async () => {
    await clock.given(opened).when(clockAt('2026-03-02T10:59:59.999Z')).thenRecords([]);
    await clock
      .given(opened)
      .when(clockAt(ENDS), clockAt(ENDS), clockAt('2026-03-03T00:00:00.000Z'))
      .thenRecords([expired]);
  });

  it("the customer withdrawing the partner's consent ends it first: the expiry is cancelled", async () => {
    await clock
      .given(opened)
      .when(withdrawn('p-1'), clockAt('2026-03-03T00:00:00.000Z'))
      .thenRecords([]);
    await clock
      .given(opened)
      .when(withdrawn('p-other'), clockAt('2026-03-03T00:00:00.000Z'))
      .thenRecords([expired]);
  });

  it('tells the agent', async () => {
    await clock
      .given(opened)
      .when(clockAt(ENDS))
      .thenNotifies([{ kind: 'readonly_session_expired', to: agent.email, userId: agent.userId }]);
  });
});
