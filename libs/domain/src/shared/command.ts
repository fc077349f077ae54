import { Caller } from './caller';

/**
 * What the hub's clock asks of an aggregate at a due time `at` (a notice, an expiry, a
 * warning): the same envelope for every term, whatever `what` names (the term, the target).
 */
export type ClockCommand<T extends string, What extends object> = What & { type: T; at: string };

/**
 * What a caller asks of an aggregate: `what` names the aggregate and the ask; `at` is when the
 * hub took it and `by` who asked (a person of an organisation unless the command says otherwise).
 */
export type IssuedCommand<T extends string, What extends object, By = Caller> = What & {
  type: T;
  at: string;
  by: By;
};
