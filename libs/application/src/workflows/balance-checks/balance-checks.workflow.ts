import { BalanceExhausted, BalanceWarned } from '@hub/domain/consumption/balance.events';
import { sharesReached } from '@hub/domain/consumption/balance';
import { lineKey } from '@hub/domain/consumption/consumption.decider';
import { ConsumptionLogged, ConsumptionReversed } from '@hub/domain/consumption/consumption.events';
import { timeNotices } from '../../notifications/time-notices';
import { timer } from '../../schedule/timer';
import { Recipient } from '../recipients';
import { LineBalanceRead, Step, Workflow } from '../workflow';

type BalanceCause = ConsumptionLogged | ConsumptionReversed;

/**
 * A line's balance on the schedule (domain.md §9): when consumption takes a line to 75% or 90%
 * of its quantity, or all of it, a check falls due at that instant, one per share reached and
 * not yet recorded; the clock's ledger decision records the warning or the exhaustion once. A
 * reversal cancels what is pending for the line and puts back only the shares it still reaches.
 */
export const balanceChecks: Workflow<BalanceCause, LineBalanceRead | null> = {
  name: 'balance-checks',
  schedules: true,
  handles: ['ConsumptionLogged', 'ConsumptionReversed'],
  read: (event, reads) => reads.lineBalance(event.data),
  react: (event, balance) => {
    const { contractId, packageId, entitlementId } = event.data;
    const owner = `balance:${contractId}:${lineKey(packageId, entitlementId)}`;
    const at = event.type === 'ConsumptionLogged' ? event.data.loggedAt : event.data.reversedAt;
    const cancel: Step[] = event.type === 'ConsumptionReversed' ? [{ kind: 'cancel', owner }] : [];
    if (!balance) return cancel;
    const shares = sharesReached(balance.total, balance.consumedMillionths, balance.recorded);
    const checks = shares.map((share): Step => ({
      kind: 'schedule',
      timer: timer('ledger', {
        key: `${owner}:${share}`,
        owner,
        stream: event.streamName,
        command: {
          type: 'CheckBalance',
          contractId,
          ...(packageId !== undefined ? { packageId } : {}),
          entitlementId,
          total: balance.total,
          at,
        },
      }),
    }));
    return [...cancel, ...checks];
  },
};

/** A line's warnings and exhaustion are told to the agreement's administrators and the CSAM. */
export const balanceNotices: Workflow<BalanceWarned | BalanceExhausted, Recipient[]> = {
  name: 'balance-notices',
  handles: ['BalanceWarned', 'BalanceExhausted'],
  // The CSAM of a package line is who added the package; of a contract line, the contract's.
  read: (event, reads) =>
    reads.termRecipients(
      event.data.packageId
        ? `package-${event.data.packageId}`
        : `contract-${event.data.contractId}`,
    ),
  react: (event, recipients) => {
    const { eventId } = event.metadata;
    const { contractId, packageId, entitlementId, total, consumed } = event.data;
    const line = {
      contractId,
      ...(packageId ? { packageId } : {}),
      entitlementId,
      total,
      consumed,
    };
    if (event.type === 'BalanceWarned') {
      const { percent, warnedAt } = event.data;
      const subject = `Entitlement ${entitlementId}: ${percent}% consumed`;
      const data = { ...line, percent };
      return timeNotices({ eventId, at: warnedAt }, 'balance_warning', subject, data, recipients);
    }
    const subject = `Entitlement ${entitlementId} is exhausted`;
    const at = { eventId, at: event.data.exhaustedAt };
    return timeNotices(at, 'balance_exhausted', subject, line, recipients);
  },
};
