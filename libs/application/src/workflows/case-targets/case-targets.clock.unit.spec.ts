import { CaseFirstResponseRecorded } from '@hub/domain/cases/case.events';
import { clockAt, on, onTheClock } from '@hub/testing/clock-given-when-then';
import { caseTargetNotices } from '../case-target-notices/case-target-notices.workflow';
import { caseTargets } from './case-targets.workflow';
import { caseId, opened as openedCase } from './case-targets.fixtures';

// Row "50% and 75% of a case's response target elapsed" and "the target passes" (domain.md §9).
const stream = 'case-case-1';
const opened = on(stream, openedCase);
const responded = (at: string) =>
  on(stream, {
    type: 'CaseFirstResponseRecorded',
    data: { caseId, respondedAt: at, responseTargetMet: true, recordedAt: at },
  } as CaseFirstResponseRecorded);
const due = '2026-03-02T13:00:00.000Z';
const warned = (percent: 50 | 75, at: string) => ({
  type: 'CaseTargetWarned',
  data: { caseId, percent, initialResponseDueAt: due, warnedAt: at },
});
const breached = {
  type: 'CaseTargetBreached',
  data: { caseId, initialResponseDueAt: due, breachedAt: due },
};
const people = [
  { email: 'contact@contoso.example', userId: 'u-1' },
  { email: 'admin@contoso.example', userId: 'u-2' },
];
const clock = onTheClock([caseTargets, caseTargetNotices], () => ({
  caseRecipients: async () => people,
}));

describe("on the clock: a case's response target", () => {
  it('warns at 50% and not before', async () => {
    await clock.given(opened).when(clockAt('2026-03-02T10:59:59.999Z')).thenRecords([]);
    await clock
      .given(opened)
      .when(clockAt('2026-03-02T11:00:00.000Z'))
      .thenRecords([warned(50, '2026-03-02T11:00:00.000Z')]);
  });

  it('warns at 75%, then breaches at the target, each once however often the clock looks', async () => {
    await clock
      .given(opened)
      .when(
        clockAt('2026-03-02T11:00:00.000Z'),
        clockAt('2026-03-02T12:59:59.999Z'),
        clockAt('2026-03-02T13:00:00.000Z'),
        clockAt('2026-03-02T13:00:00.000Z'),
        clockAt('2026-03-03T00:00:00.000Z'),
      )
      .thenRecords([
        warned(50, '2026-03-02T11:00:00.000Z'),
        warned(75, '2026-03-02T12:00:00.000Z'),
        breached,
      ]);
  });

  it('a clock that jumps past every due time records each once, at its own time', async () => {
    await clock
      .given(opened)
      .when(clockAt('2026-03-05T00:00:00.000Z'))
      .thenRecords([
        warned(50, '2026-03-02T11:00:00.000Z'),
        warned(75, '2026-03-02T12:00:00.000Z'),
        breached,
      ]);
  });

  it('a first response before the breach cancels what is pending', async () => {
    await clock
      .given(opened)
      .when(
        clockAt('2026-03-02T11:30:00.000Z'),
        responded('2026-03-02T11:30:00.000Z'),
        clockAt('2026-03-02T14:00:00.000Z'),
      )
      .thenRecords([warned(50, '2026-03-02T11:00:00.000Z')]);
  });

  it('tells the primary contact and the workspace administrators', async () => {
    await clock
      .given(opened)
      .when(clockAt('2026-03-02T11:00:00.000Z'))
      .thenNotifies(
        people.map(({ email, userId }) => ({ kind: 'case_target_warning', to: email, userId })),
      );
  });
});
