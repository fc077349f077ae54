import { Caller, Decider, DomainEvent } from '@hub/domain';
import { CommandContext } from './command-context';
import { Execution, ExecutionResult } from './execution';
import { CommandReads } from './command-reads';

/** A command as a route or a message hands it over: what was asked, by whom, with which id. */
export interface CommandInput<R = unknown, Who = Caller> {
  request: R;
  caller: Who;
  context: CommandContext;
}

/**
 * One command of an aggregate's table (style.md "A command in three steps"): which stream it
 * decides on, what it reads first (I/O, before deciding, again on a retry), and the pure
 * decider with the command built from the input and what was read. The table handler does the
 * read, fold, decide and append, completes the workflows the new events oblige, and answers.
 */
export interface CommandEntry<R, C, E extends DomainEvent, S, X, A, Who = Caller> {
  /** The stream, from the input alone (ids the answer names derive from the command id). */
  stream(input: CommandInput<R, Who>, reads: CommandReads): string | Promise<string>;
  decider: Decider<C, E, S>;
  read?(input: CommandInput<R, Who>, reads: CommandReads, state: S): Promise<X>;
  /** The decider's command: pure. */
  command(input: CommandInput<R, Who>, read: X, state: S): C;
  /** The context its events carry, when it adds to the input's (default: the input's). */
  context?(input: CommandInput<R, Who>): CommandContext;
  /** The answer, given the position a read model caught up to shows it at (default: that alone). */
  answer?(input: CommandInput<R, Who>, result: ExecutionResult<E, S>, position: string): A;
}

/** An entry of any command table (the handler's view; tables keep their types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommandEntry = CommandEntry<any, any, DomainEvent, any, any, unknown, any>;

/** Declares a table entry with its types inferred (the function only gives TypeScript a place to). */
export function command<
  R,
  C,
  E extends DomainEvent,
  S,
  X = undefined,
  A = { position: string },
  Who = Caller,
>(entry: CommandEntry<R, C, E, S, X, A, Who>): CommandEntry<R, C, E, S, X, A, Who> {
  return entry;
}

/**
 * The one message the CommandBus carries for table entries: run `entry` on `input`. A route
 * builds it with `runCommand(table.entry, request, caller, context)`.
 */
export class RunCommand<A = unknown> {
  constructor(
    readonly entry: AnyCommandEntry,
    readonly input: CommandInput<unknown, unknown>,
  ) {}
  /** Keeps the answer's type on the message, for `CommandBus.execute`. */
  declare readonly answerType?: A;
}

export function runCommand<R, C, E extends DomainEvent, S, X, A, Who>(
  entry: CommandEntry<R, C, E, S, X, A, Who>,
  request: R,
  caller: Who,
  context: CommandContext,
): RunCommand<A> {
  return new RunCommand<A>(entry as AnyCommandEntry, { request, caller, context });
}

/** An entry on an input, as the executor runs it (reads inside each attempt, before deciding). */
export async function executionOf<R, C, E extends DomainEvent, S, X, A, Who>(
  entry: CommandEntry<R, C, E, S, X, A, Who>,
  input: CommandInput<R, Who>,
  reads: CommandReads,
): Promise<Execution<C, E, S, X>> {
  const read = entry.read;
  return {
    stream: await entry.stream(input, reads),
    decider: entry.decider,
    context: entry.context ? entry.context(input) : input.context,
    ...(read ? { read: (state: S) => read(input, reads, state) } : {}),
    command: (state, readResult) => entry.command(input, readResult, state),
  };
}
