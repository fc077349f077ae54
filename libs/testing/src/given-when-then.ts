import { Decider, DomainEvent, HubError, fold } from '@hub/domain';

/**
 * Given / when / then for deciders (style.md):
 *   given(decider, events).when(command).then(expectedEvents)
 *   given(decider, events).when(command).thenFails('code')
 */
export function given<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: E[] = []) {
  return {
    when(command: C) {
      const run = () => decider.decide(command, fold(decider, history));
      return {
        then(expected: E[]): E[] {
          const events = run();
          expect(events).toEqual(expected);
          return events;
        },
        /** Asserts on the produced events with a callback (for ids or times derived inside). */
        thenEvents(check: (events: E[]) => void): E[] {
          const events = run();
          check(events);
          return events;
        },
        thenNothing(): void {
          expect(run()).toEqual([]);
        },
        thenFails(code: string): HubError {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(HubError);
          expect((thrown as HubError).code).toBe(code);
          return thrown as HubError;
        },
      };
    },
  };
}
