import { CommitSignal } from './sqlite-subscription';

describe('CommitSignal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("wakes a waiting subscription when another connection's commit changed data_version, reading it only while someone waits", async () => {
    let version = 1;
    let reads = 0;
    const signal = new CommitSignal(5, () => {
      reads += 1;
      return version;
    });
    let woken = false;
    void signal.wait().then(() => (woken = true));
    // Unchanged: no wake-up (the old signal woke every waiter blindly on a timer).
    await jest.advanceTimersByTimeAsync(50);
    expect(woken).toBe(false);
    version = 2;
    await jest.advanceTimersByTimeAsync(5);
    expect(woken).toBe(true);
    // Nobody waits any more: data_version is not read.
    const afterWake = reads;
    await jest.advanceTimersByTimeAsync(100);
    expect(reads).toBe(afterWake);
  });

  it("wakes every waiter at once on this process's own commit", async () => {
    const signal = new CommitSignal(5, () => 1);
    const waits = [signal.wait(), signal.wait()];
    signal.notify();
    await expect(Promise.all(waits)).resolves.toEqual([undefined, undefined]);
  });
});
