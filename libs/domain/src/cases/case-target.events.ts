import { CaseId, ClockCommand, DomainEvent } from '../shared';

/** The share of a case's initial response target elapsed without a response (domain.md §9). */
export type TargetPercent = 50 | 75;

/** What names a warning's or breach's target: the case and the target it was scheduled for. */
export interface CaseTarget {
  caseId: CaseId;
  /** A moved target makes a command scheduled for the earlier one moot. */
  initialResponseDueAt: string;
}

/** 50% or 75% of the initial response target elapsed with no response (recorded by the hub's clock). */
export type CaseTargetWarned = DomainEvent<
  'CaseTargetWarned',
  CaseTarget & { percent: TargetPercent; warnedAt: string }
>;

/** The initial response target passed with no response (recorded by the hub's clock). */
export type CaseTargetBreached = DomainEvent<
  'CaseTargetBreached',
  CaseTarget & { breachedAt: string }
>;

/** The hub's clock: a share of the target elapsed (`at`: the due time it fires for). */
export type WarnCaseTarget = ClockCommand<
  'WarnCaseTarget',
  CaseTarget & { percent: TargetPercent }
>;

/** The hub's clock: the target passed. */
export type BreachCaseTarget = ClockCommand<'BreachCaseTarget', CaseTarget>;

export type CaseTargetEvent = CaseTargetWarned | CaseTargetBreached;
export type CaseTargetCommand = WarnCaseTarget | BreachCaseTarget;
