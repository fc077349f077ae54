import { GlobalPosition } from '@hub/event-store';
import { AggregateCache, LoadedAggregate } from './aggregate-cache';

const at = (revision: number): LoadedAggregate<string> => ({
  state: `state ${revision}`,
  revision,
  position: BigInt(revision) as GlobalPosition,
});

describe('AggregateCache', () => {
  it('answers what was set last for a stream, and nothing once forgotten', () => {
    const cache = new AggregateCache(3);
    cache.set('a', at(1));
    cache.set('a', at(2));
    expect(cache.get('a')).toEqual(at(2));
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('never holds more than its capacity', () => {
    const cache = new AggregateCache(3);
    for (let i = 0; i < 100; i += 1) {
      cache.set(`s-${i}`, at(i));
      if (i % 3 === 0) cache.get(`s-${i}`);
    }
    expect(cache.streams()).toHaveLength(3);
    expect(cache.get('s-99')).toEqual(at(99));
  });

  it('evicts the oldest entry not used since, keeping a hot stream among one-off ones', () => {
    const cache = new AggregateCache(3);
    cache.set('ledger', at(1));
    for (let i = 0; i < 50; i += 1) {
      expect(cache.get('ledger')).toEqual(at(1));
      cache.set(`claim-${i}`, at(0));
    }
    expect(cache.streams().sort()).toEqual(['claim-48', 'claim-49', 'ledger']);
  });

  it('gives an entry used since one more round only, then evicts it when unused', () => {
    const cache = new AggregateCache(2);
    cache.set('a', at(1));
    cache.set('b', at(1));
    cache.get('a');
    cache.set('c', at(1)); // passes over a (used: to the back, unused), evicts b
    expect(cache.streams()).toEqual(['a', 'c']);
    cache.set('d', at(1)); // a, not used since it was passed over, goes
    expect(cache.streams()).toEqual(['c', 'd']);
    cache.get('d');
    cache.set('e', at(1)); // c goes; d, used, stays
    expect(cache.streams()).toEqual(['d', 'e']);
  });
});
