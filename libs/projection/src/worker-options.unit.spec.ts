import { workerOptions } from './worker-options';

describe('workerOptions: the snapshot interval by store', () => {
  it('snapshots every 2,500 handled events where updates are cheap (SQLite)', () => {
    expect(workerOptions({}, false).snapshotEvery).toBe(2_500);
  });

  it('takes no snapshots where every update scans (the MongoDB store on FerretDB 1.24)', () => {
    expect(workerOptions({}, true).snapshotEvery).toBe(0);
  });

  it('keeps an interval asked for, 0 included, on either store', () => {
    expect(workerOptions({ snapshotEvery: 10_000 }, true).snapshotEvery).toBe(10_000);
    expect(workerOptions({ snapshotEvery: 0 }, false).snapshotEvery).toBe(0);
  });
});
