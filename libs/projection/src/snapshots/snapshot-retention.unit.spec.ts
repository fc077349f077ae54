import { keepsSnapshot } from './snapshot-retention';

const kept = (latest: number, keepRecent: number): number[] =>
  Array.from({ length: latest }, (_, i) => i + 1).filter((seq) =>
    keepsSnapshot(seq, latest, keepRecent),
  );

describe('snapshot retention', () => {
  it('keeps the newest snapshots all, then one per doubling band: about keepRecent·log2(n) in all', () => {
    const all = kept(10_000, 8);
    expect(all.slice(-8)).toEqual([9993, 9994, 9995, 9996, 9997, 9998, 9999, 10_000]);
    expect(all.length).toBeLessThan(8 * (1 + Math.log2(10_000 / 8)));
    // Each band's gaps are at most its power of two: an old answer folds at most that many intervals.
    const wider = all.filter((seq, i) => {
      const gap = i === 0 ? 0 : seq - all[i - 1];
      return gap > Math.max(1, 2 ** Math.ceil(Math.log2((10_000 - all[i - 1]) / 8)));
    });
    expect(wider).toEqual([]);
  });

  it('never brings back a snapshot once dropped, so rows deleted for it are never needed', () => {
    const dropped = new Set<number>();
    const revived: number[] = [];
    for (let latest = 1; latest <= 600; latest += 1)
      for (let seq = 1; seq <= latest; seq += 1) {
        const keeps = keepsSnapshot(seq, latest, 4);
        if (dropped.has(seq) && keeps) revived.push(seq);
        if (!keeps) dropped.add(seq);
      }
    expect(revived).toEqual([]);
    expect(dropped.size).toBeGreaterThan(500);
  });
});
