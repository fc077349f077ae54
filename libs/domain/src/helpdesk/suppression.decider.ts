import { Decider, ForbiddenError, NotFoundError } from '../shared';
import { requireAgentOfManaged } from './helpdesk-agent';
import { SuppressionCommand } from './suppression.commands';
import { SuppressionEvent } from './suppression.events';

/** The address as the stream key: e-mail addresses are matched case-insensitively. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * One stream per address, so a removal and a new suppression of it are ordered. Named by the
 * address's key (a keyed hash of the normalised address, `SubjectKeyStore.addressKey`), never
 * the address itself: stream names are not sealed.
 */
export function suppressionStream(addressKey: string): string {
  return `suppression-${addressKey}`;
}

/** Whether the address is on the do-not-contact list now, and why. */
export interface SuppressionState {
  suppressed: boolean;
  reason?: string;
}

function decide(command: SuppressionCommand, state: SuppressionState): SuppressionEvent[] {
  const email = normalizeEmail(command.email);
  if (command.type === 'RecordEmailSuppression') {
    if (!command.by.service)
      throw new ForbiddenError('Only the directory service reports suppressions.');
    // A redelivered or repeated report changes nothing; a new reason is a new fact.
    if (state.suppressed && state.reason === command.reason) return [];
    return [
      {
        type: 'EmailSuppressionRecorded',
        data: { email, reason: command.reason, recordedAt: command.at },
      },
    ];
  }
  requireAgentOfManaged(command);
  if (!state.suppressed) {
    throw new NotFoundError(
      'This address is not on the suppression list.',
      { email },
      'not_suppressed',
    );
  }
  return [
    {
      type: 'SuppressionRemoved',
      data: {
        email,
        removedBy: command.by.userId,
        partnerId: command.partnerId,
        removedAt: command.at,
      },
    },
  ];
}

function evolve(_state: SuppressionState, event: SuppressionEvent): SuppressionState {
  switch (event.type) {
    case 'EmailSuppressionRecorded':
      return { suppressed: true, reason: event.data.reason };
    case 'SuppressionRemoved':
      return { suppressed: false };
  }
}

/** One address on (or off) the do-not-contact list. */
export const suppressionDecider: Decider<SuppressionCommand, SuppressionEvent, SuppressionState> = {
  initialState: { suppressed: false },
  evolve,
  decide,
};
