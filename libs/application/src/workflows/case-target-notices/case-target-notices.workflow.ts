import { CaseTargetBreached, CaseTargetWarned } from '@hub/domain/cases/case-target.events';
import { timeNotices } from '../../notifications/time-notices';
import { Recipient } from '../recipients';
import { Workflow } from '../workflow';

/**
 * A case's warnings and breach are told to its primary contact and its workspace's
 * administrators, and to the partner contact of a case filed by a partner (domain.md §9).
 */
export const caseTargetNotices: Workflow<CaseTargetWarned | CaseTargetBreached, Recipient[]> = {
  name: 'case-target-notices',
  handles: ['CaseTargetWarned', 'CaseTargetBreached'],
  read: (event, reads) => reads.caseRecipients(event.streamName),
  react: (event, recipients) => {
    const { eventId } = event.metadata;
    if (event.type === 'CaseTargetWarned') {
      const { caseId, percent, initialResponseDueAt, warnedAt } = event.data;
      return timeNotices(
        { eventId, at: warnedAt },
        'case_target_warning',
        `Case ${caseId}: ${percent}% of the response target has elapsed`,
        { caseId, percent, initialResponseDueAt },
        recipients,
      );
    }
    const { caseId, initialResponseDueAt, breachedAt } = event.data;
    return timeNotices(
      { eventId, at: breachedAt },
      'case_breached',
      `Case ${caseId} breached its response target`,
      { caseId, initialResponseDueAt, breachedAt },
      recipients,
    );
  },
};
