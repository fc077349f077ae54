import { Decider, DomainEvent } from '@hub/domain';
import { caseDecider } from '@hub/domain/cases/case.decider';
import { consumptionDecider } from '@hub/domain/consumption/consumption.decider';
import { contractDecider } from '@hub/domain/contracts/contract.decider';
import { readOnlySessionDecider } from '@hub/domain/helpdesk/readonly-session.decider';
import { verificationDecider } from '@hub/domain/helpdesk/verification.decider';
import { gdapDecider } from '@hub/domain/gdap/gdap.decider';
import { packageDecider } from '@hub/domain/packages/package.decider';

/** The deciders a due time may command, by name (a stored timer names its decider). */
export const TIMER_DECIDERS = {
  case: caseDecider,
  contract: contractDecider,
  gdap: gdapDecider,
  ledger: consumptionDecider,
  package: packageDecider,
  readonlySession: readOnlySessionDecider,
  verification: verificationDecider,
} as const satisfies Record<string, Decider<never, DomainEvent, unknown>>;

export type TimerDecider = keyof typeof TIMER_DECIDERS;

/**
 * One due time of the durable schedule: when it falls due, the hub's clock sends `command` (plain
 * JSON, its `at` the due time) to `stream`. `key` is derived from the fact that caused it and
 * the slot (e.g. `case-target:<caseId>:75`), so deriving it again overwrites instead of adding;
 * `owner` groups the timers a later fact cancels together (a case, a relationship, a package).
 */
export interface Timer {
  key: string;
  owner: string;
  dueAt: string;
  decider: TimerDecider;
  stream: string;
  command: { type: string; at: string } & Record<string, unknown>;
}

/** A timer whose command is typed by its decider (workflows build them with this). */
export function timer<D extends TimerDecider>(
  decider: D,
  fields: Omit<Timer, 'decider' | 'command' | 'dueAt'> & {
    command: Parameters<(typeof TIMER_DECIDERS)[D]['decide']>[0] & { at: string };
  },
): Timer {
  const dueAt = new Date(fields.command.at).toISOString();
  return { ...fields, decider, dueAt, command: { ...fields.command, at: dueAt } };
}
