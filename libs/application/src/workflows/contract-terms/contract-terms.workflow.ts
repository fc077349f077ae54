import { ContractAdded } from '@hub/domain/contracts/contract.events';
import { ContractExpired, ContractExpiring } from '@hub/domain/contracts/contract-term.events';
import { timeNotices } from '../../notifications/time-notices';
import { dayTermTimers } from '../day-term-timers';
import { Recipient } from '../recipients';
import { Workflow } from '../workflow';

/**
 * A contract's times on the schedule (domain.md §9): its 30/7/1-day notices (those already past
 * when it was added are skipped) and its end, the midnight after its last day. Nothing in the
 * domain ends a contract early, so nothing cancels them; the decider records each once.
 */
export const contractTerms: Workflow<ContractAdded> = {
  name: 'contract-terms',
  schedules: true,
  handles: ['ContractAdded'],
  react: (event) => {
    const { contractId, endsOn, addedAt } = event.data;
    const owner = `contract-term:${contractId}`;
    const term = { decider: 'contract' as const, owner, stream: event.streamName };
    return dayTermTimers(
      { ...term, from: addedAt, lastDay: endsOn },
      (daysLeft, at) => ({ type: 'NoticeContractExpiry', contractId, daysLeft, endsOn, at }),
      (at) => ({ type: 'ExpireContract', contractId, endsOn, at }),
    );
  },
};

/** A contract's notices and end are told to the agreement's administrators and the CSAM. */
export const contractTermNotices: Workflow<ContractExpiring | ContractExpired, Recipient[]> = {
  name: 'contract-term-notices',
  handles: ['ContractExpiring', 'ContractExpired'],
  read: (event, reads) => reads.termRecipients(event.streamName),
  react: (event, recipients) => {
    const { eventId } = event.metadata;
    if (event.type === 'ContractExpiring') {
      const { contractId, daysLeft, endsOn, noticedAt } = event.data;
      const subject = `Contract ${contractId} ends in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
      const data = { contractId, daysLeft, endsOn };
      return timeNotices(
        { eventId, at: noticedAt },
        'contract_expiring',
        subject,
        data,
        recipients,
      );
    }
    const { contractId, endsOn, expiredAt } = event.data;
    const subject = `Contract ${contractId} has ended`;
    const data = { contractId, endsOn };
    return timeNotices({ eventId, at: expiredAt }, 'contract_expired', subject, data, recipients);
  },
};
