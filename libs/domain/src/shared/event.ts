import { UserId } from './ids';

/** A domain event as deciders see it: a past-tense type and plain-JSON data (no Dates). */
export interface DomainEvent<T extends string = string, D extends object = object> {
  readonly type: T;
  readonly data: D;
}

/**
 * Who did what a fact records and when, its fields named for the verb:
 * `ActedBy<'granted'>` is `{ grantedBy: UserId; grantedAt: string }`.
 */
export type ActedBy<Verb extends string> = { [K in `${Verb}By`]: UserId } & {
  [K in `${Verb}At`]: string;
};

/** Who caused a fact: a user (with the roles they acted under), a partner on behalf, or a service. */
export interface Actor {
  userId?: string;
  email?: string;
  orgId?: string;
  roles?: string[];
  service?: string;
  /** Set when a partner acts on behalf of a customer (domain.md §6). */
  partnerId?: string;
}
