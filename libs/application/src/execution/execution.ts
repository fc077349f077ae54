import { Decider, DomainEvent, HubError } from '@hub/domain';
import { GlobalPosition, NewEvent } from '@hub/event-store';
import { CommandContext } from './command-context';

/** Schema version of the hub's own bookkeeping events (domain events: `schemaVersionOf`). */
export const SCHEMA_VERSION = 1;

/** One command on one stream, as the executor runs it. */
export interface Execution<C, E extends DomainEvent, S, X = unknown> {
  stream: string;
  decider: Decider<C, E, S>;
  /**
   * Reads what the decision needs beyond the stream (other streams: I/O), before deciding; read
   * again on every retry, after the stream was folded again.
   */
  read?(state: S): Promise<X>;
  /**
   * Builds the command from the folded state and what `read` answered; called again on every
   * retry. A method, not a function property, so executions of different deciders fit in one
   * `ExecutionUnit`.
   */
  command(state: S, read: X): C | Promise<C>;
  context: CommandContext;
}

export interface ExecutionResult<E extends DomainEvent, S> {
  events: E[];
  /** The stream the events went to, and the events as appended (ids and metadata). */
  stream: string;
  appended: readonly NewEvent[];
  state: S;
  /**
   * Position of the last event appended to the stream by the call (in a call of several units,
   * possibly a later unit's), or of the stream's last event when nothing was (a no-op). Either
   * way, a read model caught up to it shows this execution's events.
   */
  position: GlobalPosition | null;
}

/** An execution of any decider (the executor's inside; the public methods keep the types). */
export type AnyExecution = Execution<unknown, DomainEvent, unknown>;
export type AnyResult = ExecutionResult<DomainEvent, unknown>;

/** Executions that land together or not at all: an id's claim and the record that owns it. */
export type ExecutionUnit = readonly AnyExecution[];

/** One result per execution of a unit that landed, or the 4xx `HubError` that refused the unit. */
export type UnitOutcome = AnyResult[] | HubError;
