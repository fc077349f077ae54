import { PersistentMap } from './persistent-map';

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
