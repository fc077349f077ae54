import { GlobalPosition } from '@hub/event-store';
import { CheckpointWaiters } from './checkpoint-waiters';

const at = (n: number) => BigInt(n) as GlobalPosition;

describe('CheckpointWaiters (a projector in another process)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads the stored checkpoint once per interval however many callers wait, and not once they are answered', async () => {
    let stored: GlobalPosition | null = at(1);
    let reads = 0;
    const waiters = new CheckpointWaiters(10, async () => {
      reads += 1;
      return stored;
    });
    const answered: number[] = [];
    const waits = Array.from({ length: 20 }, (_, i) =>
      waiters
        .waitFor(
          'p',
          at(5),
          5_000,
          () => null,
          () => 'stopped',
        )
        .then(() => answered.push(i)),
    );
    await jest.advanceTimersByTimeAsync(30);
    expect(reads).toBe(3);
    stored = at(5);
    await jest.advanceTimersByTimeAsync(10);
    await Promise.all(waits);
    expect(answered).toHaveLength(20);
    const afterAnswer = reads;
    await jest.advanceTimersByTimeAsync(100);
    expect(reads).toBe(afterAnswer);
    waiters.close();
  });

  it('answers 503 lagging after the timeout when the checkpoint never arrives', async () => {
    const waiters = new CheckpointWaiters(10, async () => at(1));
    const wait = waiters.waitFor(
      'p',
      at(5),
      100,
      () => at(1),
      () => 'live',
    );
    const failed = expect(wait).rejects.toMatchObject({ code: 'projection_lagging' });
    await jest.advanceTimersByTimeAsync(100);
    await failed;
    waiters.close();
  });
});
