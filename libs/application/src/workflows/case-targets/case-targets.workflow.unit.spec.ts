import { CaseFirstResponseRecorded, CaseSeverityChanged } from '@hub/domain/cases/case.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { caseTargets } from './case-targets.workflow';
import { caseId, opened } from './case-targets.fixtures';

const owner = 'case-target:case-1';
const due = (key: string, at: string) =>
  expect.objectContaining({
    kind: 'schedule',
    timer: expect.objectContaining({
      key: `${owner}:${key}`,
      owner,
      dueAt: at,
      stream: 'case-case-1',
    }),
  });

describe('case-targets workflow', () => {
  it('puts a new case’s 50%, 75% and breach times on the schedule', () => {
    reacting(caseTargets)
      .when(recorded(opened, 'case-case-1'))
      .then([
        due('50', '2026-03-02T11:00:00.000Z'),
        due('75', '2026-03-02T12:00:00.000Z'),
        due('100', '2026-03-02T13:00:00.000Z'),
      ]);
  });

  it('moves them into the same slots when a severity change moves the target', () => {
    const changed = {
      type: 'CaseSeverityChanged',
      data: {
        caseId,
        from: 'B',
        to: 'A',
        changedAt: '2026-03-02T10:00:00.000Z',
        initialResponseDueAt: '2026-03-02T12:00:00.000Z',
      },
    } as CaseSeverityChanged;
    reacting(caseTargets)
      .when(recorded(changed, 'case-case-1'))
      .then([
        due('50', '2026-03-02T11:00:00.000Z'),
        due('75', '2026-03-02T11:30:00.000Z'),
        due('100', '2026-03-02T12:00:00.000Z'),
      ]);
    const afterResponse = {
      ...changed,
      data: { ...changed.data, initialResponseDueAt: undefined },
    } as CaseSeverityChanged;
    reacting(caseTargets).when(recorded(afterResponse, 'case-case-1')).thenNothing();
  });

  it('cancels what is pending on the first response or the close', () => {
    const responded = {
      type: 'CaseFirstResponseRecorded',
      data: {
        caseId,
        respondedAt: '2026-03-02T10:00:00.000Z',
        responseTargetMet: true,
        recordedAt: '2026-03-02T10:00:00.000Z',
      },
    } as CaseFirstResponseRecorded;
    reacting(caseTargets)
      .when(recorded(responded, 'case-case-1'))
      .then([{ kind: 'cancel', owner }]);
  });
});
