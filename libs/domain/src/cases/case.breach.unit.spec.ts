import { given } from '@hub/testing';
import { caseDecider } from './case.decider';
import { CaseEvent } from './case.events';
import { caseId, changeSeverity, closed, open, opened, respond, responded } from './case.fixtures';

/** Opened A at 10:00 (due 12:00), as in the report. */
const openedA: CaseEvent = {
  ...opened,
  data: { ...opened.data, severity: 'A', initialResponseDueAt: '2025-03-03T12:00:00.000Z' },
};
const downgrade = { ...changeSeverity, severity: 'B' as const, at: '2025-03-03T12:30:00.000Z' };
const downgraded: CaseEvent = {
  type: 'CaseSeverityChanged',
  data: {
    caseId,
    from: 'A',
    to: 'B',
    changedAt: '2025-03-03T12:30:00.000Z',
    initialResponseDueAt: '2025-03-03T16:30:00.000Z',
    breachedAt: '2025-03-03T12:00:00.000Z',
  },
};

describe('case decider: a breach is a fact', () => {
  it('a severity change after a breach keeps the breach', () => {
    given(caseDecider, [openedA]).when(downgrade).then([downgraded]);
  });

  it('a severity change before the target passed records no breach', () => {
    given(caseDecider, [openedA])
      .when({ ...downgrade, at: '2025-03-03T11:00:00.000Z' })
      .thenEvents(([event]) => expect(event.data).not.toHaveProperty('breachedAt'));
  });

  it('a second change after a recorded breach does not record it again', () => {
    given(caseDecider, [openedA, downgraded])
      .when({ ...changeSeverity, severity: 'C', at: '2025-03-03T13:00:00.000Z' })
      .thenEvents(([event]) => expect(event.data).not.toHaveProperty('breachedAt'));
  });

  it('a breach recorded by a change survives a later response within the new target', () => {
    const [response] = given(caseDecider, [openedA, downgraded])
      .when({ ...respond, respondedAt: '2025-03-03T13:00:00Z', at: '2025-03-03T13:01:00Z' })
      .thenEvents(([event]) => expect(event.data).toMatchObject({ responseTargetMet: true }));
    const state = [openedA, downgraded, response].reduce(
      caseDecider.evolve,
      caseDecider.initialState,
    );
    expect(state).toMatchObject({ breachedAt: '2025-03-03T12:00:00.000Z' });
  });

  it('a late first response records the breach at the target it missed', () => {
    const late: CaseEvent = {
      type: 'CaseFirstResponseRecorded',
      data: {
        caseId,
        respondedAt: '2025-03-03T12:10:00.000Z',
        responseTargetMet: false,
        recordedAt: '2025-03-03T12:10:00.000Z',
      },
    };
    const state = [openedA, late].reduce(caseDecider.evolve, caseDecider.initialState);
    expect(state).toMatchObject({ breachedAt: '2025-03-03T12:00:00.000Z' });
  });
});

describe('case decider: impossible first responses are refused', () => {
  it('refuses a response before the case was opened', () => {
    given(caseDecider, [opened])
      .when({ ...respond, respondedAt: '2025-03-03T09:59:59Z' })
      .thenFails('validation_failed');
  });

  it('refuses a response a day in the future', () => {
    given(caseDecider, [opened])
      .when({ ...respond, respondedAt: '2025-03-04T13:05:00Z' })
      .thenFails('validation_failed');
  });

  it('accepts a response a few minutes ahead of the clock (skew)', () => {
    given(caseDecider, [opened])
      .when({ ...respond, respondedAt: '2025-03-03T13:08:00Z' })
      .thenEvents(([event]) => expect(event.type).toBe('CaseFirstResponseRecorded'));
  });

  it('refuses a response after the case closed', () => {
    // Closed at 11:00; a response reported at 13:05 for 13:00 comes after the closing.
    given(caseDecider, [opened, closed]).when(respond).thenFails('validation_failed');
  });

  it('accepts a response reported after closing that happened before it', () => {
    given(caseDecider, [opened, closed])
      .when({ ...respond, respondedAt: '2025-03-03T10:30:00Z' })
      .thenEvents(([event]) => expect(event.data).toMatchObject({ responseTargetMet: true }));
  });

  it('keeps ignoring later responses once one is recorded', () => {
    given(caseDecider, [opened, responded]).when(respond).thenNothing();
  });
});

describe('case decider: language and calendar', () => {
  it('a non-English case gets its target in business hours of the agreement calendar', () => {
    given(caseDecider)
      .when({
        ...open,
        language: 'de',
        calendar: { timeZone: 'Europe/Berlin', holidays: [] },
        at: '2025-03-07T15:00:00.000Z', // Friday 16:00 in Berlin, severity B (4 h)
      })
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({
          language: 'de',
          initialResponseDueAt: '2025-03-10T11:00:00.000Z', // Monday 12:00 CET
        }),
      );
  });

  it('refuses a malformed language tag', () => {
    given(caseDecider)
      .when({ ...open, language: 'not a tag' })
      .thenFails('validation_failed');
  });
});
