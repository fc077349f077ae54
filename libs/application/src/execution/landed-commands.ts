import { DomainEvent, deterministicId } from '@hub/domain';
import { EventStore, GlobalPosition, NewEvent, RecordedEvent } from '@hub/event-store';
import { AnyExecution, AnyResult, ExecutionUnit } from './execution';

/** What one stream holds of a command: its events, and the stream's state just after them. */
interface Landed {
  events: RecordedEvent[];
  state: unknown;
}

/**
 * The results a keyed command had when it already landed (api.md "Idempotency", issue 18 item
 * 4). Its answer is recorded after its append, so a crash in between (SIGKILL) keeps the events
 * and loses the answer; the same key sent again is then decided on a state that already holds
 * them, and refused (409 `case_already_exists`). Its events are still in its streams, named by
 * ids derived from the command id (the key's, so the same for every repeat): read back, they
 * rebuild the results it had, on every engine, and the refused repeat answers as the first did.
 * Null when the unit is not keyed or one of its streams holds none of the command's events:
 * then the refusal stands.
 */
export async function landedResults(
  unit: ExecutionUnit,
  store: Pick<EventStore, 'readStream'>,
): Promise<AnyResult[] | null> {
  if (!unit.every(({ context }) => context.idempotencyKey !== undefined)) return null;
  const landed = new Map<string, Landed>();
  for (const execution of unit) {
    if (landed.has(execution.stream)) continue;
    const found = await landedOn(execution, store);
    if (!found) return null;
    landed.set(execution.stream, found);
  }
  let position: GlobalPosition | null = null;
  for (const { events } of landed.values())
    for (const event of events)
      if (position === null || event.position > position) position = event.position;
  return unit.map(({ stream }) => {
    const { events, state } = landed.get(stream)!;
    return {
      stream,
      events: events.map(({ type, data }) => ({ type, data }) as DomainEvent),
      appended: events.map(({ type, data, metadata }): NewEvent => ({ type, data, metadata })),
      state,
      position,
    };
  });
}

/** The command's events on the execution's stream (ids `commandId/stream/index`), in order. */
async function landedOn(
  { stream, decider, context }: AnyExecution,
  store: Pick<EventStore, 'readStream'>,
): Promise<Landed | null> {
  const recorded = await store.readStream(stream);
  const idAt = (index: number) => deterministicId(context.commandId, stream, String(index));
  const first = recorded.findIndex((event) => event.metadata.eventId === idAt(0));
  if (first < 0) return null;
  let end = first;
  while (end < recorded.length && recorded[end].metadata.eventId === idAt(end - first)) end += 1;
  let state = decider.initialState;
  for (const event of recorded.slice(0, end))
    state = decider.evolve(state, event as unknown as DomainEvent);
  return { events: recorded.slice(first, end), state };
}
