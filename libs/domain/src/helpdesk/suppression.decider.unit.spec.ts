import { given } from '@hub/testing';
import { Caller, PartnerId, UserId } from '../shared';
import { RemoveFromSuppressionList } from './suppression.commands';
import { suppressionDecider as decider, suppressionStream } from './suppression.decider';
import { SuppressionEvent } from './suppression.events';

const at = '2025-03-03T10:00:00.000Z';
const service: Caller = { userId: 'svc-directory' as UserId, providerRoles: [], service: true };
const agent: Caller = { userId: 'u-agent' as UserId, providerRoles: [] };
const recordedEvent: SuppressionEvent = {
  type: 'EmailSuppressionRecorded',
  data: { email: 'ann@contoso.example', reason: 'bounced', recordedAt: at },
};
const record = {
  type: 'RecordEmailSuppression' as const,
  email: 'Ann@Contoso.example',
  reason: 'bounced',
  at,
  by: service,
};
const remove: RemoveFromSuppressionList = {
  type: 'RemoveFromSuppressionList',
  email: 'ANN@contoso.example',
  partnerId: 'p-1' as PartnerId,
  at,
  by: agent,
  isAgent: true,
  managed: true,
};

describe('suppression list', () => {
  it('names the stream by the address key, never the address (SubjectKeyStore.addressKey)', () => {
    expect(suppressionStream('3f2a9c')).toBe('suppression-3f2a9c');
  });

  it('records a suppression reported by the directory, once per reason', () => {
    given(decider).when(record).then([recordedEvent]);
    given(decider, [recordedEvent]).when(record).thenNothing();
    given(decider, [recordedEvent])
      .when({ ...record, reason: 'complaint' })
      .thenEvents((events) => expect(events[0].data).toMatchObject({ reason: 'complaint' }));
    given(decider)
      .when({ ...record, by: agent })
      .thenFails('forbidden');
  });

  it('lets an agent remove a suppressed address', () => {
    given(decider, [recordedEvent])
      .when(remove)
      .then([
        {
          type: 'SuppressionRemoved',
          data: {
            email: 'ann@contoso.example',
            removedBy: agent.userId,
            partnerId: 'p-1' as PartnerId,
            removedAt: at,
          },
        },
      ]);
  });

  it('404 not_suppressed when the address is not on the list (any more)', () => {
    given(decider).when(remove).thenFails('not_suppressed');
    const removed: SuppressionEvent = {
      type: 'SuppressionRemoved',
      data: {
        email: 'ann@contoso.example',
        removedBy: agent.userId,
        partnerId: 'p-1' as PartnerId,
        removedAt: at,
      },
    };
    const error = given(decider, [recordedEvent, removed]).when(remove).thenFails('not_suppressed');
    expect(error.status).toBe(404);
  });

  it('refuses a non-agent and an address outside the partner’s customers', () => {
    given(decider, [recordedEvent])
      .when({ ...remove, isAgent: false })
      .thenFails('helpdesk_agent_required');
    given(decider, [recordedEvent])
      .when({ ...remove, managed: false })
      .thenFails('not_found');
  });
});
