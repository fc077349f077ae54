import { ClockCommand } from './command';
import { DomainEvent } from './event';

/** Days before a term's end when its people are told (domain.md §9). */
export type TermNoticeDays = 30 | 7 | 1;

/** A term is `daysLeft` days from its end (recorded by the hub's clock). */
export type TermExpiring<T extends string, Term extends object> = DomainEvent<
  T,
  Term & { daysLeft: TermNoticeDays; noticedAt: string }
>;

/** A term reached its end (recorded by the hub's clock). */
export type TermExpired<T extends string, Term extends object> = DomainEvent<
  T,
  Term & { expiredAt: string }
>;

/** The clock's notice command: `daysLeft` days remain of the term `Term` names. */
export type NoticeTermEnd<T extends string, Term extends object> = ClockCommand<
  T,
  Term & { daysLeft: TermNoticeDays }
>;
