import { PersistentMap, stringHash } from './persistent-map';

describe('PersistentMap', () => {
  it('answers what was set, the latest value per key, and counts keys once', () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 1000; i += 1) map = map.set(`k${i % 300}`, i);
    expect(map.size).toBe(300);
    expect(map.get('k0')).toBe(900);
    expect(map.get('k299')).toBe(899);
    expect(map.get('missing')).toBeUndefined();
  });

  it('never changes an earlier state', () => {
    const states = [PersistentMap.empty<string>()];
    for (let i = 0; i < 500; i += 1) states.push(states[i].set(`k${i}`, `v${i}`));
    for (let i = 0; i <= 500; i += 1) {
      expect(states[i].size).toBe(i);
      expect(states[i].has(`k${i}`)).toBe(false);
      if (i > 0) expect(states[i].get(`k${i - 1}`)).toBe(`v${i - 1}`);
    }
  });
});

describe('PersistentMap with colliding hashes', () => {
  /** Two keys with the same 32-bit hash, found by search (FNV-1a: expect one in ~2^16 keys). */
  function collidingPair(): [string, string] {
    const seen = new Map<number, string>();
    for (let i = 0; ; i += 1) {
      const key = `id-${i}`;
      const other = seen.get(stringHash(key));
      if (other !== undefined) return [other, key];
      seen.set(stringHash(key), key);
    }
  }

  it('keeps both keys, overwrites each on its own, and leaves earlier states alone', () => {
    const [a, b] = collidingPair();
    expect(stringHash(a)).toBe(stringHash(b));
    const one = PersistentMap.empty<number>().set(a, 1);
    const two = one.set(b, 2);
    const three = two.set(a, 3).set('other', 4);
    expect([one.get(a), one.get(b), one.size]).toEqual([1, undefined, 1]);
    expect([two.get(a), two.get(b), two.size]).toEqual([1, 2, 2]);
    expect([three.get(a), three.get(b), three.get('other'), three.size]).toEqual([3, 2, 4, 3]);
  });
});

describe('PersistentMap against a Map', () => {
  it('answers as a copied Map would after every step of a random workload', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let map = PersistentMap.empty<number>();
    const model = new Map<string, number>();
    const snapshots: [PersistentMap<number>, Map<string, number>][] = [];
    for (let step = 0; step < 20_000; step += 1) {
      const key = `k${random(5_000)}`;
      map = map.set(key, step);
      model.set(key, step);
      if (step % 2_000 === 0) snapshots.push([map, new Map(model)]);
    }
    snapshots.push([map, model]);
    for (const [state, expected] of snapshots) {
      expect(state.size).toBe(expected.size);
      for (let k = 0; k < 5_000; k += 1) expect(state.get(`k${k}`)).toBe(expected.get(`k${k}`));
    }
  });
});
