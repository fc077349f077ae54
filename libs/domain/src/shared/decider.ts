import { DomainEvent } from './event';

/**
 * The write model of one aggregate: pure and synchronous. `decide` answers the events a
 * command produces, or throws a `DomainError` (never anything else); `evolve` folds them.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/** Folds a history into the state a decider decides on. */
export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
