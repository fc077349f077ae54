import { random } from '@hub/testing/projection/hub-workload-activity';
import { OPEN, OPEN_KEY, keysAt, keysHold, maxLevelFor, versionKey } from './snapshot-layout';

/** A document's versions: consecutive spans [from, until) ending with the open one. */
function versions(rnd: () => number, latest: number): { from: number; until: number }[] {
  const spans: { from: number; until: number }[] = [];
  let from = 1 + Math.floor(rnd() * 3);
  while (from <= latest) {
    const until = rnd() < 0.1 ? OPEN : from + 1 + Math.floor(rnd() * rnd() * 40);
    if (until === OPEN || until > latest) {
      spans.push({ from, until: OPEN });
      break;
    }
    spans.push({ from, until });
    from = until + (rnd() < 0.2 ? Math.floor(rnd() * 5) : 0);
  }
  return spans;
}

describe('snapshot layout keys', () => {
  it('finds the version alive at every snapshot among its keys, one row per key at most', () => {
    const rnd = random(21);
    for (let doc = 0; doc < 120; doc += 1) {
      const latest = 1 + Math.floor(rnd() * 400);
      const spans = versions(rnd, latest);
      const maxLevel = maxLevelFor(latest);
      for (let seq = 1; seq <= latest; seq += 1) {
        const keys = new Set(keysAt(seq, maxLevel));
        const candidates = spans.filter((s) => keys.has(versionKey(s.from, s.until)));
        const alive = spans.filter((s) => s.from <= seq && seq < s.until);
        // Every alive version is found, and the lookup reads at most one row per key.
        expect(alive.every((s) => candidates.includes(s))).toBe(true);
        const perKey = new Map<string, number>();
        for (const s of candidates) {
          const key = versionKey(s.from, s.until);
          perKey.set(key, (perKey.get(key) ?? 0) + 1);
        }
        expect(Math.max(0, ...perKey.values())).toBeLessThanOrEqual(1);
      }
    }
  });

  it('reads a bounded number of rows however long the history: the keys grow with its log', () => {
    expect(keysAt(5, maxLevelFor(10))).toHaveLength(1 + 6);
    expect(keysAt(5, maxLevelFor(1000))).toHaveLength(1 + 12);
    expect(versionKey(3, OPEN)).toBe(OPEN_KEY);
    // [4, 4]: level 0; [4, 7]: within block 1 of 4 (4..7), across its middle.
    expect(versionKey(4, 5)).toBe('0:4');
    expect(versionKey(4, 8)).toBe('2:1');
  });

  it('says when snapshots written since the keys were chosen need a level they lack', () => {
    const maxLevel = maxLevelFor(100);
    expect(keysHold(maxLevel, 200)).toBe(true);
    expect(keysHold(maxLevel, 256)).toBe(false);
  });
});
