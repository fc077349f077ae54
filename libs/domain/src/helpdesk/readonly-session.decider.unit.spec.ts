import { given } from '@hub/testing';
import { Caller, OrgId, PartnerId, UserId } from '../shared';
import { ReadOnlyConsent } from '../subscriptions/customer-subscriptions.decider';
import { OpenReadOnlySession } from './readonly-session.commands';
import {
  readOnlySessionDecider as decider,
  readOnlySessionStream,
  sessionStatusAt,
} from './readonly-session.decider';
import { ReadOnlySessionOpened } from './readonly-session.events';

const at = '2025-03-03T10:00:00.000Z';
const agent: Caller = { userId: 'u-agent' as UserId, providerRoles: [] };
const allowed: ReadOnlyConsent = {
  allowed: true,
  changedAt: '2025-03-01T00:00:00.000Z',
  withdrawals: [],
};
const open: OpenReadOnlySession = {
  type: 'OpenReadOnlySession',
  sessionId: 's-1',
  partnerId: 'p-1' as PartnerId,
  orgId: 'org-1' as OrgId,
  consent: allowed,
  at,
  by: agent,
  isAgent: true,
  managed: true,
};
const opened: ReadOnlySessionOpened = {
  type: 'ReadOnlySessionOpened',
  data: {
    sessionId: 's-1',
    partnerId: 'p-1' as PartnerId,
    orgId: 'org-1' as OrgId,
    agentUserId: agent.userId,
    openedAt: at,
    endsAt: '2025-03-03T11:00:00.000Z',
  },
};

describe('read-only sessions', () => {
  it('names a stream per session', () => {
    expect(readOnlySessionStream('s-1')).toBe('readonly-session-s-1');
  });

  it('records a session of at most one hour while the customer allows it', () => {
    given(decider).when(open).then([opened]);
  });

  it('403 readonly_access_not_allowed without current consent', () => {
    const error = given(decider)
      .when({ ...open, consent: undefined })
      .thenFails('readonly_access_not_allowed');
    expect(error.status).toBe(403);
    given(decider)
      .when({ ...open, consent: { allowed: false, changedAt: at, withdrawals: [at] } })
      .thenFails('readonly_access_not_allowed');
  });

  it('refuses a non-agent, an unmanaged org, and reopening the same session', () => {
    given(decider)
      .when({ ...open, isAgent: false })
      .thenFails('helpdesk_agent_required');
    given(decider)
      .when({ ...open, managed: false })
      .thenFails('not_found');
    given(decider, [opened]).when(open).thenFails('readonly_session_exists');
  });

  describe('sessionStatusAt', () => {
    const session = opened.data;
    it('is open within the hour, expired after', () => {
      expect(sessionStatusAt(session, allowed, '2025-03-03T10:59:59.999Z')).toBe('open');
      expect(sessionStatusAt(session, allowed, '2025-03-03T11:00:00.000Z')).toBe('expired');
    });

    it('is ended by a withdrawal during the session, even if consent came back later', () => {
      const withdrawnAt = '2025-03-03T10:20:00.000Z';
      const withdrawn: ReadOnlyConsent = {
        allowed: false,
        changedAt: withdrawnAt,
        withdrawals: [withdrawnAt],
      };
      expect(sessionStatusAt(session, withdrawn, '2025-03-03T10:19:00.000Z')).toBe('open');
      expect(sessionStatusAt(session, withdrawn, '2025-03-03T10:30:00.000Z')).toBe(
        'ended-by-withdrawal',
      );
      expect(sessionStatusAt(session, withdrawn, '2025-03-03T12:00:00.000Z')).toBe(
        'ended-by-withdrawal',
      );
      const regiven: ReadOnlyConsent = {
        allowed: true,
        changedAt: '2025-03-03T10:25:00.000Z',
        withdrawals: [withdrawnAt],
      };
      expect(sessionStatusAt(session, regiven, '2025-03-03T10:30:00.000Z')).toBe(
        'ended-by-withdrawal',
      );
    });

    it('ignores withdrawals before the session or after it ended', () => {
      const before: ReadOnlyConsent = { ...allowed, withdrawals: ['2025-03-02T00:00:00.000Z'] };
      expect(sessionStatusAt(session, before, '2025-03-03T10:30:00.000Z')).toBe('open');
      const after: ReadOnlyConsent = {
        allowed: false,
        changedAt: '2025-03-03T11:30:00.000Z',
        withdrawals: ['2025-03-03T11:30:00.000Z'],
      };
      expect(sessionStatusAt(session, after, '2025-03-03T12:00:00.000Z')).toBe('expired');
    });
  });
});
