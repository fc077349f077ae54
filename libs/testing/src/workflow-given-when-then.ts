import { DomainEvent } from '@hub/domain';
import { Step, Workflow, WorkflowEvent } from '@hub/application/workflows/workflow';

/**
 * Given / when / then for workflows (style.md), like deciders':
 *   reacting(workflow).given(state).when(event).then(expectedSteps)
 * `state` is what the workflow's `read` would have fetched; the reaction is pure.
 */
export function reacting<E extends DomainEvent, S>(workflow: Workflow<E, S>) {
  const when = (state: S) => (event: WorkflowEvent<E>) => {
    const run = () => workflow.react(event, state);
    return {
      then(expected: Step[]): Step[] {
        const steps = run();
        expect(steps).toEqual(expected);
        return steps;
      },
      thenNothing(): void {
        expect(run()).toEqual([]);
      },
    };
  };
  return {
    given: (state: S) => ({ when: when(state) }),
    when: when(undefined as S),
  };
}

/** A recorded event for workflow specs: fixed metadata, so derived ids are stable. */
export function recorded<E extends DomainEvent>(
  event: E,
  streamName: string,
  eventId = `evt-${event.type}`,
): WorkflowEvent<E> {
  return {
    type: event.type,
    data: event.data,
    streamName,
    metadata: {
      eventId,
      schemaVersion: 1,
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: { service: 'test' },
      source: 'api',
      occurredAt: '2026-03-02T10:00:00.000Z',
    },
  } as WorkflowEvent<E>;
}
