import { Decider, DomainError, DomainEvent, refuse } from '@hub/domain';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { CommandContext } from './command-context';
import { CommandExecutor, Execution } from './command-executor';

// A counter that holds at most 10 and counts every Count: a repeat of a landed Count(6) is
// refused on the state that already holds it, as a case that exists refuses a second opening.
type Counted = DomainEvent<'Counted', { amount: number; total: number }>;
const counter: Decider<{ amount: number }, Counted, { total: number }> = {
  initialState: { total: 0 },
  decide(command, state) {
    const total = state.total + command.amount;
    if (total > 10) refuse('counter_full', 'A counter holds at most 10.');
    return [{ type: 'Counted', data: { amount: command.amount, total } }];
  },
  evolve: (_state, event) => ({ total: event.data.total }),
};

const count = (
  stream: string,
  amount: number,
  commandId: string,
  idempotencyKey?: string,
): Execution<{ amount: number }, Counted, { total: number }> => {
  const context: CommandContext = {
    commandId,
    correlationId: commandId,
    actor: { service: 'test' },
    source: 'test',
    occurredAt: '2026-03-02T10:00:00Z',
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
  return { stream, decider: counter, context, command: () => ({ amount }) };
};

describe('a keyed command whose answer was lost after its append (issue 18 item 4)', () => {
  it('answers its first results when repeated after a restart, instead of the refusal', async () => {
    const store = new MemoryEventStore();
    const first = await new CommandExecutor(store).execute(count('c-1', 6, 'cmd-a', 'key-a'));
    await new CommandExecutor(store).execute(count('c-1', 1, 'cmd-b'));

    // A new process (nothing cached) gets the same key again: the events are there, the answer not.
    const again = await new CommandExecutor(store).execute(count('c-1', 6, 'cmd-a', 'key-a'));

    expect(again.events).toEqual(first.events);
    expect(again.appended.map((e) => e.metadata.eventId)).toEqual(
      first.appended.map((e) => e.metadata.eventId),
    );
    expect(again.position).toBe(first.position);
    expect(again.state).toEqual({ total: 6 });
    expect((await store.readStream('c-1')).map((e) => e.data.total)).toEqual([6, 7]);
  });

  it('keeps the refusal of a keyed command that never landed, and of an unkeyed repeat', async () => {
    const store = new MemoryEventStore();
    const executor = new CommandExecutor(store);
    await executor.execute(count('c-2', 6, 'cmd-a'));
    await expect(executor.execute(count('c-2', 6, 'cmd-a'))).rejects.toBeInstanceOf(DomainError);
    await expect(executor.execute(count('c-2', 6, 'cmd-b', 'key-b'))).rejects.toMatchObject({
      code: 'counter_full',
    });
    expect(await store.readStream('c-2')).toHaveLength(1);
  });
});
