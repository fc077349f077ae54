import { given } from '@hub/testing';
import { CaseEvent } from './case.events';
import { caseDecider } from './case.decider';
import { caseId, opened } from './case.fixtures';
import { BreachCaseTarget, WarnCaseTarget } from './case-target.events';

// Opened 10:00 severity B: due 14:00; 50% at 12:00, 75% at 13:00.
const due = '2025-03-03T14:00:00.000Z';
const warn = (percent: 50 | 75, at: string): WarnCaseTarget => ({
  type: 'WarnCaseTarget',
  caseId,
  percent,
  initialResponseDueAt: due,
  at,
});
const breach = (at: string, dueAt = due): BreachCaseTarget => ({
  type: 'BreachCaseTarget',
  caseId,
  initialResponseDueAt: dueAt,
  at,
});
const warned50: CaseEvent = {
  type: 'CaseTargetWarned',
  data: { caseId, percent: 50, initialResponseDueAt: due, warnedAt: '2025-03-03T12:00:00.000Z' },
};

describe("the hub clock on a case's response target", () => {
  it('warns at 50% of the target, not a millisecond before', () => {
    expect(opened.data.initialResponseDueAt).toBe(due);
    given(caseDecider, [opened]).when(warn(50, '2025-03-03T11:59:59.999Z')).thenNothing();
    given(caseDecider, [opened]).when(warn(50, '2025-03-03T12:00:00.000Z')).then([warned50]);
  });

  it('warns once per share, and 75% after 50%', () => {
    given(caseDecider, [opened, warned50]).when(warn(50, '2025-03-03T12:30:00.000Z')).thenNothing();
    given(caseDecider, [opened, warned50])
      .when(warn(75, '2025-03-03T13:00:00.000Z'))
      .then([
        {
          type: 'CaseTargetWarned',
          data: {
            caseId,
            percent: 75,
            initialResponseDueAt: due,
            warnedAt: '2025-03-03T13:00:00.000Z',
          },
        },
      ]);
  });

  it('records the breach at the due time, once', () => {
    given(caseDecider, [opened]).when(breach('2025-03-03T13:59:59.999Z')).thenNothing();
    const [breached] = given(caseDecider, [opened])
      .when(breach(due))
      .then([
        {
          type: 'CaseTargetBreached',
          data: { caseId, initialResponseDueAt: due, breachedAt: due },
        },
      ]);
    given(caseDecider, [opened, breached]).when(breach('2025-03-03T15:00:00.000Z')).thenNothing();
  });

  it('records nothing once a first response, a close or a moved target made it moot', () => {
    const responded: CaseEvent = {
      type: 'CaseFirstResponseRecorded',
      data: {
        caseId,
        respondedAt: '2025-03-03T11:00:00.000Z',
        responseTargetMet: true,
        recordedAt: '2025-03-03T11:00:00.000Z',
      },
    };
    given(caseDecider, [opened, responded]).when(breach(due)).thenNothing();
    const closed: CaseEvent = {
      type: 'CaseClosed',
      data: {
        caseId,
        resolution: 'fixed',
        closedBy: opened.data.openedBy,
        closedAt: '2025-03-03T11:00:00.000Z',
      },
    };
    given(caseDecider, [opened, closed]).when(warn(75, '2025-03-03T13:00:00.000Z')).thenNothing();
    const moved: CaseEvent = {
      type: 'CaseSeverityChanged',
      data: {
        caseId,
        from: 'B',
        to: 'A',
        changedAt: '2025-03-03T11:00:00.000Z',
        initialResponseDueAt: '2025-03-03T13:00:00.000Z',
      },
    };
    given(caseDecider, [opened, moved]).when(breach(due)).thenNothing();
    // The moved target's own breach fires at its own time.
    given(caseDecider, [opened, moved])
      .when(breach('2025-03-03T13:00:00.000Z', '2025-03-03T13:00:00.000Z'))
      .thenEvents((events) => expect(events.map((e) => e.type)).toEqual(['CaseTargetBreached']));
  });
});
