import { Decider, DomainError, DomainEvent, refuse } from '@hub/domain';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { CommandContext } from './command-context';
import { CommandExecutor, Execution, UnitOutcome } from './command-executor';
import { partOrder } from './unit-decisions';

// A counter that holds at most 10: every Count is counted (no idempotency of its own), so what
// keeps a command from counting twice is the executor's deterministic event ids alone.
type Counted = DomainEvent<'Counted', { amount: number; total: number }>;
interface Count {
  type: 'Count';
  amount: number;
}
const counter: Decider<Count, Counted, { total: number }> = {
  initialState: { total: 0 },
  decide(command, state) {
    const total = state.total + command.amount;
    if (total > 10) refuse('counter_full', 'A counter holds at most 10.');
    return [{ type: 'Counted', data: { amount: command.amount, total } }];
  },
  evolve: (_state, event) => ({ total: event.data.total }),
};

const context = (commandId: string): CommandContext => ({
  commandId,
  correlationId: commandId,
  actor: { service: 'test' },
  source: 'test',
  occurredAt: '2026-03-02T10:00:00Z',
});

let commands = 0;
const count = (
  stream: string,
  amount: number,
  commandId = `cmd-${(commands += 1)}`,
): Execution<Count, Counted, { total: number }> => ({
  stream,
  decider: counter,
  context: context(commandId),
  command: () => ({ type: 'Count', amount }),
});

const totals = async (store: MemoryEventStore, stream: string) =>
  (await store.readStream(stream)).map((event) => event.data.total);

const landed = (outcome: UnitOutcome) => {
  if (outcome instanceof Error) throw outcome;
  return outcome;
};

describe('CommandExecutor.executeUnits', () => {
  let store: MemoryEventStore;
  let executor: CommandExecutor;

  beforeEach(() => {
    store = new MemoryEventStore();
    executor = new CommandExecutor(store);
  });

  it('decides units on one stream in turn, each on the events of the ones before, and appends all with one appendToStreams', async () => {
    await executor.execute(count('counter-a', 1));
    const appendToStreams = jest.spyOn(store, 'appendToStreams');
    const outcomes = await executor.executeUnits([
      [count('counter-a', 2)],
      [count('counter-b', 1)],
      [count('counter-a', 3)],
    ]);
    expect(appendToStreams).toHaveBeenCalledTimes(1);
    const [parts] = appendToStreams.mock.calls[0];
    expect(parts.map(({ stream, events }) => [stream, events.length])).toEqual([
      ['counter-a', 2],
      ['counter-b', 1],
    ]);
    expect(parts[0].expectedRevision).toBe(0);
    expect(await totals(store, 'counter-a')).toEqual([1, 3, 6]);
    const [first, , third] = outcomes.map((outcome) => landed(outcome)[0]);
    expect(first.state).toEqual({ total: 3 });
    expect(third.state).toEqual({ total: 6 });
    // Read-your-writes: each answers the position of its stream's part, the last event of it.
    const [, , lastOfA] = await store.readStream('counter-a');
    expect(first.position).toBe(lastOfA.position);
    expect(third.position).toBe(lastOfA.position);
  });

  it('refuses a unit on the state before it, recording nothing of it, while the others land', async () => {
    const outcomes = await executor.executeUnits([
      [count('counter-a', 4)],
      [count('counter-b', 1), count('counter-a', 7)],
      [count('counter-a', 6)],
    ]);
    expect(outcomes[1]).toBeInstanceOf(DomainError);
    expect((outcomes[1] as DomainError).code).toBe('counter_full');
    expect(await totals(store, 'counter-a')).toEqual([4, 10]);
    // The refused unit's first execution was decided, yet nothing of it was appended.
    expect(await totals(store, 'counter-b')).toEqual([]);
    expect(landed(outcomes[2])[0].state).toEqual({ total: 10 });
  });

  it('answers a refusal of a single execution by throwing it, as before', async () => {
    await expect(executor.execute(count('counter-a', 11))).rejects.toThrow(DomainError);
    await expect(
      executor.executeTogether(count('counter-b', 1), count('counter-a', 11)),
    ).rejects.toThrow('at most 10');
    expect(await store.readAll()).toEqual([]);
  });

  it('fails the whole call on an error that is not a refusal, appending nothing', async () => {
    const broken = { ...count('counter-b', 1), command: () => Promise.reject(new Error('down')) };
    await expect(executor.executeUnits([[count('counter-a', 1)], [broken]])).rejects.toThrow(
      'down',
    );
    expect(await store.readAll()).toEqual([]);
  });

  it('records the same command twice in one call once, and a redelivered call not again', async () => {
    const units = [[count('counter-a', 2, 'same')], [count('counter-a', 2, 'same')]];
    const outcomes = await executor.executeUnits(units);
    expect(await totals(store, 'counter-a')).toEqual([2]);
    expect(outcomes.map((outcome) => landed(outcome)[0].state)).toEqual([
      { total: 2 },
      { total: 2 },
    ]);
    // Decided again on total 2 it would count to 4, but with the ids already in the stream.
    const again = await executor.executeUnits(units);
    expect(await totals(store, 'counter-a')).toEqual([2]);
    expect(landed(again[1])[0].state).toEqual({ total: 2 });
    expect((await executor.execute(count('counter-a', 1))).state).toEqual({ total: 3 });
  });

  it('retries the whole call on the state a concurrent writer left', async () => {
    const otherProcess = new CommandExecutor(store);
    let decided = 0;
    const racing: Execution<Count, Counted, { total: number }> = {
      ...count('counter-a', 1),
      command: async () => {
        decided += 1;
        // Between this call's read and its append, another process counts 5.
        if (decided === 1) await otherProcess.execute(count('counter-a', 5));
        return { type: 'Count', amount: 1 };
      },
    };
    const outcomes = await executor.executeUnits([[count('counter-b', 1)], [racing]]);
    expect(decided).toBe(2);
    expect(await totals(store, 'counter-a')).toEqual([5, 6]);
    expect(await totals(store, 'counter-b')).toEqual([1]);
    expect(landed(outcomes[1])[0].state).toEqual({ total: 6 });
  });

  it('finishes two calls that name the same streams in opposite orders (no deadlock)', async () => {
    const both = await Promise.all([
      executor.executeUnits([[count('counter-a', 1)], [count('counter-b', 1)]]),
      executor.executeUnits([[count('counter-b', 2)], [count('counter-a', 2)]]),
    ]);
    expect(both.flat().every((outcome) => !(outcome instanceof Error))).toBe(true);
    expect(await totals(store, 'counter-a')).toEqual([1, 3]);
    expect(await totals(store, 'counter-b')).toEqual([1, 3]);
  }, 2_000);
});

describe('partOrder', () => {
  const unit = (...streams: string[]) => streams.map((stream) => count(stream, 1));

  it('keeps every claim before the ledger that owns it, whatever unit named it', () => {
    const units = [unit('id-1', 'ledger'), unit('id-2', 'ledger'), unit('id-3', 'ledger')];
    expect(partOrder(units)).toEqual(['id-1', 'id-2', 'id-3', 'ledger']);
  });

  it('falls back to first appearance when units disagree', () => {
    expect(partOrder([unit('x', 'y'), unit('y', 'x')])).toEqual(['x', 'y']);
  });
});
