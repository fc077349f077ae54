import { Plannable, planGroups } from './message-groups';

/** A delivery `name` to ledger `ledger` claiming id `id`. */
const delivery = (name: string, ledger: string, id = name): Plannable<string> => ({
  item: name,
  keys: [`ledger-${ledger}`, `id-${id}`],
  groupKey: `ledger-${ledger}`,
});
const keyless = (name: string): Plannable<string> => ({ item: name, keys: null, groupKey: null });
/** A message that only shares an id's key (the hub marks its reversals keyless instead). */
const byId = (name: string, id: string): Plannable<string> => ({
  item: name,
  keys: [`id-${id}`],
  groupKey: null,
});
const names = (messages: Plannable<string>[], max = 10) =>
  planGroups(messages, max).map((group) => group.items);

describe('planGroups', () => {
  it('gathers the deliveries of each ledger, across deliveries to other ledgers', () => {
    const plan = planGroups(
      [delivery('a1', 'a'), delivery('b1', 'b'), delivery('a2', 'a'), delivery('b2', 'b')],
      10,
    );
    expect(plan.map((group) => group.items)).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]);
    expect(plan[0].keys).toEqual(['ledger-a', 'id-a1', 'id-a2']);
  });

  it('caps a group, opening the next one for the same ledger', () => {
    const messages = ['1', '2', '3', '4', '5'].map((n) => delivery(`a${n}`, 'a'));
    expect(names(messages, 2)).toEqual([['a1', 'a2'], ['a3', 'a4'], ['a5']]);
  });

  it('never moves a message ahead of a keyless one (a reversal, a directory fact)', () => {
    expect(names([delivery('a1', 'a'), keyless('x'), delivery('a2', 'a')])).toEqual([
      ['a1'],
      ['x'],
      ['a2'],
    ]);
  });

  it('never moves a message ahead of an earlier one that shares a key with it', () => {
    // b1 claims id 7, then a2 claims it too: a2 must take effect after b1, so not with a1.
    expect(
      names([delivery('a1', 'a'), delivery('b1', 'b', '7'), delivery('a2', 'a', '7')]),
    ).toEqual([['a1'], ['b1'], ['a2']]);
  });

  it('joins a later message to the newest group of its ledger once an older one is closed', () => {
    expect(
      names([
        delivery('a1', 'a'),
        delivery('b1', 'b', 'x'),
        delivery('a2', 'a', 'x'), // after b1 (id x): opens a new group for ledger a
        delivery('a3', 'a'), // joins that newest group
      ]),
    ).toEqual([['a1'], ['b1'], ['a2', 'a3']]);
  });

  it('leaves messages without a group key alone, in order', () => {
    expect(names([byId('r1', '1'), byId('r2', '2')])).toEqual([['r1'], ['r2']]);
  });
});
