import { CaseId } from '@hub/domain';
import { targetShareAt } from '@hub/domain/cases/case-target';
import {
  CaseClosed,
  CaseFirstResponseRecorded,
  CaseOpened,
  CaseSeverityChanged,
} from '@hub/domain/cases/case.events';
import { timer } from '../../schedule/timer';
import { Step, Workflow } from '../workflow';

type CaseTargetCause = CaseOpened | CaseSeverityChanged | CaseFirstResponseRecorded | CaseClosed;

const ownerOf = (caseId: CaseId) => `case-target:${caseId}`;

/** The 50% and 75% warnings and the breach of a target running from `startedAt` to `dueAt`. */
function targetTimers(caseId: CaseId, stream: string, startedAt: string, dueAt: string): Step[] {
  const owner = ownerOf(caseId);
  const initialResponseDueAt = dueAt;
  const warnings = ([50, 75] as const).map((percent): Step => ({
    kind: 'schedule',
    timer: timer('case', {
      key: `${owner}:${percent}`,
      owner,
      stream,
      command: {
        type: 'WarnCaseTarget',
        caseId,
        percent,
        initialResponseDueAt,
        at: targetShareAt(startedAt, dueAt, percent),
      },
    }),
  }));
  const breach: Step = {
    kind: 'schedule',
    timer: timer('case', {
      key: `${owner}:100`,
      owner,
      stream,
      command: { type: 'BreachCaseTarget', caseId, initialResponseDueAt, at: dueAt },
    }),
  };
  return [...warnings, breach];
}

/**
 * A case's response target on the schedule (domain.md §9): opening it puts its 50%, 75% and
 * breach times there; a severity change that moves the target puts the new times in the same
 * slots; the first response or closing cancels them.
 */
export const caseTargets: Workflow<CaseTargetCause> = {
  name: 'case-targets',
  schedules: true,
  handles: ['CaseOpened', 'CaseSeverityChanged', 'CaseFirstResponseRecorded', 'CaseClosed'],
  react: (event) => {
    switch (event.type) {
      case 'CaseOpened': {
        const { caseId, openedAt, initialResponseDueAt } = event.data;
        return targetTimers(caseId, event.streamName, openedAt, initialResponseDueAt);
      }
      case 'CaseSeverityChanged': {
        const { caseId, changedAt, initialResponseDueAt } = event.data;
        if (!initialResponseDueAt) return [];
        return targetTimers(caseId, event.streamName, changedAt, initialResponseDueAt);
      }
      case 'CaseFirstResponseRecorded':
      case 'CaseClosed':
        return [{ kind: 'cancel', owner: ownerOf(event.data.caseId) }];
    }
  },
};
