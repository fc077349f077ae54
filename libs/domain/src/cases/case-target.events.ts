import { CaseId, DomainEvent } from '../shared';

/** The share of a case's initial response target elapsed without a response (domain.md §9). */
export type TargetPercent = 50 | 75;

/** 50% or 75% of the initial response target elapsed with no response (recorded by the hub's clock). */
export type CaseTargetWarned = DomainEvent<
  'CaseTargetWarned',
  { caseId: CaseId; percent: TargetPercent; initialResponseDueAt: string; warnedAt: string }
>;

/** The initial response target passed with no response (recorded by the hub's clock). */
export type CaseTargetBreached = DomainEvent<
  'CaseTargetBreached',
  { caseId: CaseId; initialResponseDueAt: string; breachedAt: string }
>;

/** The hub's clock: a share of the target elapsed (`at`: the due time it fires for). */
export interface WarnCaseTarget {
  type: 'WarnCaseTarget';
  caseId: CaseId;
  percent: TargetPercent;
  /** The target the warning was scheduled for; a moved target makes it moot. */
  initialResponseDueAt: string;
  at: string;
}

/** The hub's clock: the target passed. */
export interface BreachCaseTarget {
  type: 'BreachCaseTarget';
  caseId: CaseId;
  initialResponseDueAt: string;
  at: string;
}

export type CaseTargetEvent = CaseTargetWarned | CaseTargetBreached;
export type CaseTargetCommand = WarnCaseTarget | BreachCaseTarget;
