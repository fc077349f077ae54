import { CaseId } from '@hub/domain';
import { CaseTargetBreached } from '@hub/domain/cases/case-target.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { caseTargetNotices } from './case-target-notices.workflow';

const breached: CaseTargetBreached = {
  type: 'CaseTargetBreached',
  data: {
    caseId: 'case-1' as CaseId,
    initialResponseDueAt: '2026-03-02T13:00:00.000Z',
    breachedAt: '2026-03-02T13:00:00.000Z',
  },
};

describe('case-target-notices workflow', () => {
  it('tells each recipient of a breach once (ids from the event and the address)', () => {
    const steps = reacting(caseTargetNotices)
      .given([{ email: 'pc@contoso.example', userId: 'u-1' }, { email: 'partner@p.example' }])
      .when(recorded(breached, 'case-case-1'))
      .then([
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'case_breached',
            to: 'pc@contoso.example',
            userId: 'u-1',
            createdAt: '2026-03-02T13:00:00.000Z',
          }),
        },
        {
          kind: 'notify',
          notification: expect.objectContaining({ kind: 'case_breached', to: 'partner@p.example' }),
        },
      ]);
    const again = caseTargetNotices.react(recorded(breached, 'case-case-1'), [
      { email: 'pc@contoso.example', userId: 'u-1' },
    ]);
    expect(again[0]).toEqual(steps[0]);
  });
});
