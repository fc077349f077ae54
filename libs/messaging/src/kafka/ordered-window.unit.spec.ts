import { OrderedWindow, OrderingKeys } from './ordered-window';

/** A piece of work the test finishes by hand, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    work: () => {
      log.push(`start ${name}`);
      return done;
    },
    finish: () => {
      log.push(`end ${name}`);
      open();
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OrderedWindow', () => {
  it('overlaps messages with no key in common, and holds one back until the one sharing its key ended', async () => {
    const log: string[] = [];
    const window = new OrderedWindow(10);
    const [a1, b1, a2] = [gate(log, 'a1'), gate(log, 'b1'), gate(log, 'a2')];
    await window.start(['ledger-a', 'id-1'], a1.work);
    await window.start(['ledger-b', 'id-2'], b1.work);
    const a2Started = window.start(['ledger-a', 'id-3'], a2.work);
    await tick();
    expect(log).toEqual(['start a1', 'start b1']);
    a1.finish();
    await a2Started;
    b1.finish();
    a2.finish();
    await window.drain();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2', 'end b1', 'end a2']);
  });

  it('runs a keyless message alone: after everything before it, before everything after it', async () => {
    const log: string[] = [];
    const window = new OrderedWindow(10);
    const [d, r, e] = [gate(log, 'delivery'), gate(log, 'reversal'), gate(log, 'other')];
    await window.start(['ledger-a'], d.work);
    const reversal = window.start(null, r.work);
    await tick();
    expect(log).toEqual(['start delivery']);
    d.finish();
    await reversal;
    const other = window.start(['ledger-z'] as OrderingKeys, e.work);
    await tick();
    expect(log).toEqual(['start delivery', 'end delivery', 'start reversal']);
    r.finish();
    await other;
    e.finish();
    await window.drain();
    expect(log.slice(-2)).toEqual(['start other', 'end other']);
  });

  it('keeps at most `limit` in flight, and a failed message frees its place like a finished one', async () => {
    const window = new OrderedWindow(2);
    let failFirst!: (error: Error) => void;
    const first = await window.start(
      ['a'],
      () => new Promise<void>((_resolve, reject) => (failFirst = reject)),
    );
    await window.start(['b'], () => new Promise<void>(() => undefined));
    let thirdStarted = false;
    const third = window.start(['c'], async () => {
      thirdStarted = true;
    });
    await tick();
    expect(thirdStarted).toBe(false);
    failFirst(new Error('store down'));
    await expect(first.result).rejects.toThrow('store down');
    await third;
    expect(thirdStarted).toBe(true);
  });
});
