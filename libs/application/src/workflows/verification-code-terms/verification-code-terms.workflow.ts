import {
  VerificationCodeAttemptFailed,
  VerificationCodeConfirmed,
  VerificationCodeIssued,
} from '@hub/domain/helpdesk/verification.events';
import { timer } from '../../schedule/timer';
import { Workflow } from '../workflow';

type VerificationCause =
  VerificationCodeIssued | VerificationCodeConfirmed | VerificationCodeAttemptFailed;

/**
 * A verification code's 10 minutes on the schedule (domain.md §9; nobody is told): a new code
 * takes the pending one's slot (it replaces the code), using it or locking it cancels.
 */
export const verificationCodeTerms: Workflow<VerificationCause> = {
  name: 'verification-code-terms',
  schedules: true,
  handles: ['VerificationCodeIssued', 'VerificationCodeConfirmed', 'VerificationCodeAttemptFailed'],
  react: (event) => {
    const { userId } = event.data;
    const owner = `verification-code:${userId}`;
    switch (event.type) {
      case 'VerificationCodeIssued': {
        const { expiresAt } = event.data;
        const command = {
          type: 'ExpireVerificationCode' as const,
          userId,
          expiresAt,
          at: expiresAt,
        };
        return [
          {
            kind: 'schedule',
            timer: timer('verification', { key: owner, owner, stream: event.streamName, command }),
          },
        ];
      }
      case 'VerificationCodeConfirmed':
        return [{ kind: 'cancel', owner }];
      case 'VerificationCodeAttemptFailed':
        return event.data.locked ? [{ kind: 'cancel', owner }] : [];
    }
  },
};
