import {
  ClockCommand,
  ContractId,
  NoticeTermEnd,
  TermExpired,
  TermExpiring,
  TermNoticeDays,
} from '../shared';

export type { TermNoticeDays };

/** What names a contract's term: the contract and its last day (`YYYY-MM-DD`). */
export interface ContractTerm {
  contractId: ContractId;
  endsOn: string;
}

/** A contract is `daysLeft` days from its end (recorded by the hub's clock). */
export type ContractExpiring = TermExpiring<'ContractExpiring', ContractTerm>;

/** The contract's last day passed: its entitlements take no more consumption. */
export type ContractExpired = TermExpired<'ContractExpired', ContractTerm>;

/** The hub's clock: `daysLeft` days remain before the contract ending on `endsOn` ends. */
export type NoticeContractExpiry = NoticeTermEnd<'NoticeContractExpiry', ContractTerm>;

/** The hub's clock: the contract's last day has passed. */
export type ExpireContract = ClockCommand<'ExpireContract', ContractTerm>;

export type ContractTermEvent = ContractExpiring | ContractExpired;
export type ContractTermCommand = NoticeContractExpiry | ExpireContract;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a term whose last active day is `lastDay` ends (the next day's midnight, UTC),
 * less `daysBefore` days: the due times of its notices and of its end.
 */
export function dayTermEndsAt(lastDay: string, daysBefore = 0): string {
  return new Date(Date.parse(`${lastDay}T00:00:00.000Z`) + (1 - daysBefore) * DAY_MS).toISOString();
}

/** What the clock's facts of a day term recorded so far (notices as `lastDay/days`). */
export interface DayTermFacts {
  notices?: string[];
  expired?: boolean;
}

/**
 * Which clock fact a day term's command records, if any: each notice once, the end once, never
 * before its time, and only for the last day the schedule derived it from (a stale due time
 * records nothing). `live` is false once a later fact made the term moot (a withdrawal).
 */
export function dayTermFact(
  term: DayTermFacts & { lastDay: string; live: boolean },
  command: { daysLeft?: TermNoticeDays; lastDay: string; at: string },
): 'notice' | 'end' | null {
  if (!term.live || term.expired || term.lastDay !== command.lastDay) return null;
  const at = Date.parse(command.at);
  if (command.daysLeft !== undefined) {
    const notice = `${term.lastDay}/${command.daysLeft}`;
    if ((term.notices ?? []).includes(notice)) return null;
    return at < Date.parse(dayTermEndsAt(term.lastDay, command.daysLeft)) ? null : 'notice';
  }
  return at < Date.parse(dayTermEndsAt(term.lastDay)) ? null : 'end';
}
